import 'server-only';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { asc, gt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { REDIRECT_ORIGINS, redirects, type RedirectOrigin } from '@/db/schema';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import { addRedirectIn } from './redirects';

export type RedirectCsvProblem = { line: number; from: string; message: string };
export type RedirectCsvReport = { added: number; invalid: RedirectCsvProblem[]; duplicates: RedirectCsvProblem[] };

const EXPORT_COLUMNS = ['from', 'to', 'hits', 'origin'] as const;
const EXPORT_BATCH = 500;

/**
 * Adds the redirects in a CSV of `from,to` rows (a header row is optional; our own export, with its
 * hits and origin, imports too) in one transaction. Rows that cannot be used and rows whose old
 * address already redirects are reported by line; the rest are added.
 */
export function importRedirectsCsv(text: string, { actorId = null }: { actorId?: number | null } = {}): RedirectCsvReport {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes with its line number; the package's types do not say so.
    records = parse(text.replace(/^\uFEFF/, ''), { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(`This file could not be read as CSV: ${reason} Save it as CSV with two columns, from and to, and try again.`);
  }
  const header = records[0]?.record.map((cell) => cell.toLowerCase());
  const hasHeader = header !== undefined && header.includes('from') && header.includes('to');
  const column = (name: string, fallback: number) => (hasHeader ? header.indexOf(name) : fallback);
  const fromAt = column('from', 0);
  const toAt = column('to', 1);
  const originAt = hasHeader ? header.indexOf('origin') : -1;

  const report: RedirectCsvReport = { added: 0, invalid: [], duplicates: [] };
  getDb().transaction(
    (tx) => {
      for (const { record, info } of hasHeader ? records.slice(1) : records) {
        const from = record[fromAt] ?? '';
        const to = record[toAt] ?? '';
        const origin = originOf(record[originAt]);
        const result = addRedirectIn(tx, { from, to, origin, actorId });
        if (result.ok) {
          report.added += 1;
        } else {
          const problem = { line: info.lines, from, message: result.error };
          ('isDuplicate' in result && result.isDuplicate ? report.duplicates : report.invalid).push(problem);
        }
      }
    },
    { behavior: 'immediate' },
  );
  return report;
}

function originOf(cell: string | undefined): RedirectOrigin {
  return REDIRECT_ORIGINS.find((origin) => origin !== 'manual' && origin === cell) ?? 'csv';
}

/** Every redirect as CSV (from,to,hits,origin), read in batches so a large archive's list is never held whole. */
export function exportRedirectsCsv(): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterId = 0;
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(stringify([[...EXPORT_COLUMNS]])));
        return;
      }
      const rows = getDb()
        .select({ id: redirects.id, fromPath: redirects.fromPath, toPath: redirects.toPath, hits: redirects.hits, origin: redirects.origin })
        .from(redirects)
        .where(gt(redirects.id, afterId))
        .orderBy(asc(redirects.id))
        .limit(EXPORT_BATCH)
        .all();
      if (rows.length === 0) {
        controller.close();
        return;
      }
      afterId = rows.at(-1)!.id;
      controller.enqueue(encoder.encode(stringify(rows.map((row) => [row.fromPath, row.toPath, row.hits, row.origin]))));
    },
  });
}
