import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { ImportedSubscriber, ImportedSubscriberStatus, ImportSourceReader, ImportWarning } from '@/lib/migration/import/import-model';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';

type Format = 'ghost-members' | 'mailchimp' | 'csv';
type Row = { cells: string[]; line: number };
type Columns = Record<'email' | 'name' | 'firstName' | 'lastName' | 'status' | 'created' | 'labels' | 'subscribed' | 'deleted' | 'tiers' | 'complimentary', number>;

const HEADER_BYTES = 64 * 1024;

/** Column names each format uses, lower-cased; the first present wins. */
const COLUMN_NAMES: Record<keyof Columns, string[]> = {
  email: ['email', 'email address', 'e-mail', 'e-mail address', 'email_address'],
  name: ['name', 'full name'],
  firstName: ['first name', 'first_name', 'fname'],
  lastName: ['last name', 'last_name', 'lname'],
  status: ['status'],
  created: ['created_at', 'optin_time', 'confirm_time', 'created'],
  labels: ['labels', 'tags'],
  subscribed: ['subscribed_to_emails'],
  deleted: ['deleted_at'],
  tiers: ['tiers'],
  complimentary: ['complimentary_plan'],
};

const CLEANED_ROW = 'Mailchimp cleaned this address because mail to it bounced: imported as unsubscribed';

/**
 * Opens a subscriber CSV, recognised by its header: a Ghost members export, a Mailchimp audience
 * export (one file per status) or plain `email,name,status`. Rows stream; each is yielded as it
 * stands, with its line, for the writer to validate and de-duplicate. `fileName` is the name the file
 * was uploaded under, when `filePath` is a stored copy: Mailchimp's status lives in it.
 */
export function openSubscribersCsv(filePath: string, options: { fileName?: string } = {}): ImportSourceReader {
  const fileName = options.fileName ?? basename(filePath);
  const { header, delimiter } = readHeader(filePath);
  const lower = header.map((name) => name.trim().toLowerCase());
  const columns = Object.fromEntries(
    Object.entries(COLUMN_NAMES).map(([key, names]) => [key, lower.findIndex((name) => names.includes(name))]),
  ) as Columns;
  if (columns.email < 0) {
    throw new InvalidInputError(
      `This file has no email column; its columns are ${header.map((name) => `"${name.trim()}"`).join(', ')}. Name the column of addresses "email" (or "Email Address") and upload it again.`,
    );
  }
  const format: Format =
    columns.subscribed >= 0 ? 'ghost-members' : lower.includes('email address') || lower.includes('member_rating') || lower.includes('leid') ? 'mailchimp' : 'csv';
  // Ghost 4 called its tiers products; in any other file a products column is something else.
  if (format === 'ghost-members' && columns.tiers < 0) columns.tiers = lower.indexOf('products');

  const fileWarnings: ImportWarning[] = [];
  const fileStatus = columns.status >= 0 || format === 'ghost-members' ? undefined : statusOfFile(format, lower, fileName, (message) => fileWarnings.push({ item: fileName, message }));
  const warnings: ImportWarning[] = [...fileWarnings];

  const cell = (row: Row, column: number) => (column >= 0 ? (row.cells[column] ?? '').trim() : '');

  async function* subscribers(warningsTo: ImportWarning[]): AsyncGenerator<ImportedSubscriber> {
    for await (const row of readRows(filePath, delimiter)) {
      const where = `line ${row.line}`;
      const warn = (message: string) => warningsTo.push({ item: where, message });
      const deletedAt = cell(row, columns.deleted);
      if (deletedAt) {
        warn(`Deleted in Ghost (deleted_at ${deletedAt}): skipped`);
        continue;
      }
      const status =
        format === 'ghost-members' ? ghostStatus(cell(row, columns.subscribed), warn) : (fileStatus ?? statusOfWord(cell(row, columns.status), warn));
      const name = cell(row, columns.name) || [cell(row, columns.firstName), cell(row, columns.lastName)].filter(Boolean).join(' ');
      const createdAt = csvDate(cell(row, columns.created));
      yield {
        kind: 'subscriber',
        email: cell(row, columns.email),
        name,
        status,
        ...(createdAt ? { createdAt } : {}),
        ...(columns.labels >= 0 ? { labels: splitLabels(cell(row, columns.labels)) } : {}),
        ...(columns.tiers >= 0 ? { tiers: splitLabels(cell(row, columns.tiers)) } : {}),
        ...(columns.complimentary >= 0 ? { isComplimentary: cell(row, columns.complimentary).toLowerCase() === 'true' } : {}),
        where,
      };
    }
  }

  return {
    source: `subscribers:${format}`,
    warnings,
    async countItems() {
      let count = 0;
      for await (const subscriber of subscribers([])) if (subscriber) count++;
      return count;
    },
    async *items() {
      warnings.splice(0, warnings.length, ...fileWarnings);
      yield* subscribers(warnings);
    },
  };
}

/** The header line, read alone, so a file that is not a subscriber list is refused before anything streams. */
function readHeader(filePath: string): { header: string[]; delimiter: string } {
  const descriptor = openSync(filePath, 'r');
  const buffer = Buffer.alloc(HEADER_BYTES);
  const length = readSync(descriptor, buffer, 0, HEADER_BYTES, 0);
  closeSync(descriptor);
  const firstLine = buffer.subarray(0, length).toString('utf8').replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)[0] ?? '';
  if (!firstLine.trim()) throw new InvalidInputError('This file is empty. Export your subscribers again and upload the CSV file.');
  const delimiter = detectDelimiter(firstLine);
  const [header = []] = parseSync(firstLine, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
  return { header, delimiter };
}

/** Spreadsheets in many locales save with `;` (or tabs): the header line tells which. */
function detectDelimiter(line: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Rows after the header with the line each starts on (counted after line ends are made `\n`). */
async function* readRows(filePath: string, delimiter: string): AsyncGenerator<Row> {
  const parser = parse({ delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  const source = Readable.from(unifyLineEnds(createReadStream(filePath, { encoding: 'utf8' })));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let line = 1;
  let isHeader = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const inner = record.reduce((sum, value) => sum + (value.match(/\n/g)?.length ?? 0), 0);
      line = info.lines - inner;
      if (!isHeader) yield { cells: record, line };
      isHeader = false;
    }
  } catch (error) {
    throw new InvalidInputError(`This CSV cannot be read after line ${line} (${(error as Error).message}). Open it in a spreadsheet, save it as CSV again and upload that file.`);
  }
}

async function* unifyLineEnds(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    let text = carry + chunk;
    carry = '';
    // A `\r` at a chunk's end may be half of a `\r\n`.
    if (text.endsWith('\r')) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    yield text.replace(/\r\n?/g, '\n');
  }
  if (carry) yield '\n';
}

function ghostStatus(value: string, warn: (message: string) => void): ImportedSubscriberStatus {
  const answer = value.toLowerCase();
  if (answer === 'true') return 'confirmed';
  if (answer !== 'false') warn(`subscribed_to_emails is "${value}", not true or false: imported as unsubscribed, so nobody is mailed without consent`);
  return 'unsubscribed';
}

function statusOfWord(value: string, warn: (message: string) => void): ImportedSubscriberStatus {
  const word = value.toLowerCase();
  if (word === 'subscribed' || word === 'confirmed') return 'confirmed';
  if (word === 'unsubscribed') return 'unsubscribed';
  if (word === 'pending') return 'pending';
  if (word === 'cleaned') {
    warn(CLEANED_ROW);
    return 'unsubscribed';
  }
  if (!word) {
    warn('No status given: imported as confirmed');
    return 'confirmed';
  }
  warn(`Status "${value}" is not subscribed, confirmed, unsubscribed or pending: imported as unsubscribed, so nobody is mailed without consent`);
  return 'unsubscribed';
}

/** Without a status column the whole file has one status: Mailchimp writes one file per status and says which in its columns or name. */
function statusOfFile(format: Format, columns: string[], fileName: string, warn: (message: string) => void): ImportedSubscriberStatus {
  if (format === 'csv') {
    warn('The file has no status column: every address is imported as confirmed');
    return 'confirmed';
  }
  const name = fileName.toLowerCase();
  if (/non-?subscribed|transactional/.test(name)) {
    warn('Mailchimp’s non-subscribed contacts never agreed to be mailed: they are imported as unsubscribed');
    return 'unsubscribed';
  }
  if (columns.includes('unsub_time') || name.includes('unsubscribed')) return 'unsubscribed';
  if (columns.includes('clean_time') || name.includes('cleaned')) {
    warn('Mailchimp cleaned these addresses because mail to them bounced: they are imported as unsubscribed');
    return 'unsubscribed';
  }
  if (name.includes('pending')) return 'pending';
  if (name.includes('subscribed')) return 'confirmed';
  warn('Neither a Status column nor the file name says which Mailchimp export this is: every address is imported as confirmed. Import only the subscribed export this way.');
  return 'confirmed';
}

/** Ghost's labels are `a, b`; Mailchimp's tags are `"a","b"`. */
function splitLabels(value: string): string[] {
  return value
    .split(',')
    .map((label) => label.trim().replace(/^"|"$/g, '').trim())
    .filter(Boolean);
}

/** ISO dates as they are; Mailchimp's `2022-01-10 09:15:00` is GMT. */
function csvDate(value: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
