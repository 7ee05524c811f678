import path from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { importFromReader, type ImportWriter } from '@/lib/migration/import/import-parts';
import { getImportRun, startImportRun, type ImportRunView, type ImportSource } from '@/lib/migration/import/import-runs';
import { createImportJobHandler, readerForSource } from '@/lib/migration/import/run-import-job';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import { claimJob } from '@/lib/platform/jobs/job-queue';
import { runCommand } from './run-command';

const USAGE = `Usage:
  npm run import -- wordpress <export.xml> [--dry-run] [--media-dir <dir>] [--no-fetch]
  npm run import -- ghost <export.json> [--dry-run] [--media-dir <dir>] [--no-fetch]
  npm run import -- subscribers <file.csv> [--dry-run]
  npm run import -- masthead <export folder>     (into a new, empty database)

  --dry-run          show what would be created, updated and skipped; save nothing
  --media-dir <dir>  a local copy of wp-content/uploads or Ghost's content/images
  --no-fetch         do not fetch images from the old site`;

const KINDS: readonly ImportSource[] = ['wordpress', 'ghost', 'subscribers'];
const COLLECT_EVERY = 500;
const COUNT_COLUMNS = ['created', 'updated', 'unchanged', 'skipped', 'failed'] as const;

/** `npm run import -- <kind> <file>`: imports a WordPress, Ghost or subscriber export here, with a progress bar and the report. */
runCommand(async () => {
  const args = process.argv.slice(2);
  if (args[0] === 'masthead') return importOwnExport(args.slice(1));
  const request = readArguments(args);
  if (!request.ok) {
    console.error(`${request.error}\n\n${USAGE}`);
    return 2;
  }
  let runId: number;
  try {
    ({ runId } = startImportRun({ source: request.source, fileName: path.basename(request.filePath), filePath: request.filePath, options: request.options, actor: null }));
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    console.error(error.message);
    return 2;
  }
  const progress = progressPrinter(process.stdout);
  const job = claimJob(getImportRun(runId)!.jobId!);
  if (job) {
    const collectGarbage = fullGarbageCollection();
    // Also once the last item is written and once the writer is done: what follows (expiring the cache
    // for every article, saving the report) then finds room in the heap instead of growing it.
    const writer: ImportWriter = async (input) => {
      const report = await importFromReader({
        ...input,
        onProgress: (done, total) => {
          input.onProgress?.(done, total);
          progress.show(done, total);
          if (done % COLLECT_EVERY === 0 || done === total) collectGarbage();
        },
      });
      collectGarbage();
      return report;
    };
    // The run keeps its failure; the command reports it below.
    await createImportJobHandler({ readerFor: readerForSource, writer })(job).catch(() => undefined);
  } else {
    await watchRun(runId, progress.show);
  }
  progress.end();
  const run = getImportRun(runId)!;
  if (run.status !== 'done') {
    console.error(`Import failed: ${run.error ?? 'the run stopped without saying why.'}`);
    return 1;
  }
  console.log(reportText(run));
  return 0;
});

type ImportRequest = { ok: true; source: ImportSource; filePath: string; options: { dryRun: boolean; mediaDir?: string; fetchImages: boolean } } | { ok: false; error: string };

function readArguments(args: string[]): ImportRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, 'media-dir': { type: 'string' }, 'no-fetch': { type: 'boolean', default: false } },
    });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const [kind, file, ...rest] = parsed.positionals;
  if (!kind) return { ok: false, error: 'Name what to import and the file.' };
  if (!KINDS.includes(kind as ImportSource)) return { ok: false, error: `“${kind}” is not something this command imports; choose wordpress, ghost or subscribers.` };
  if (!file) return { ok: false, error: `Name the ${kind} file to import.` };
  if (rest.length > 0) return { ok: false, error: `One file at a time; “${rest.join(' ')}” was not expected.` };
  const mediaDir = parsed.values['media-dir'];
  return {
    ok: true,
    source: kind as ImportSource,
    filePath: path.resolve(file),
    options: { dryRun: parsed.values['dry-run'], fetchImages: !parsed.values['no-fetch'], ...(mediaDir ? { mediaDir: path.resolve(mediaDir) } : {}) },
  };
}

/**
 * A Masthead export goes back in whole, ids and all, so it needs an empty database rather than a dry run.
 * Its code is loaded only here, so the other imports do not carry it in memory.
 */
async function importOwnExport(args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error(`Name one export folder (the one \`npm run export\` wrote).\n\n${USAGE}`);
    return 2;
  }
  const { importMastheadExport } = await import('@/lib/migration/export/import-masthead-export');
  try {
    const counts = importMastheadExport(path.resolve(args[0]!));
    console.log(`Imported the export: ${Object.entries(counts).map(([kind, count]) => `${count} ${kind}`).join(', ')}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    console.error(error.message);
    return 1;
  }
}

/** When a running worker took the job first, the command follows the run instead. */
async function watchRun(runId: number, show: (done: number, total: number) => void): Promise<void> {
  for (;;) {
    const run = getImportRun(runId)!;
    show(run.progressDone, run.progressTotal);
    if (run.status === 'done' || run.status === 'failed') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A bar redrawn in place on a terminal; a plain line every few seconds in a log. */
/**
 * Parsed bodies are freed only by a full collection, which V8 on its own puts off until the heap is
 * several hundred megabytes; a long import asks for one now and then so it stays small.
 */
function fullGarbageCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function progressPrinter(stream: NodeJS.WriteStream) {
  const isTerminal = stream.isTTY === true;
  const interval = isTerminal ? 100 : 5_000;
  let last = 0;
  let isDrawn = false;
  const line = (done: number, total: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const counted = `${done.toLocaleString('en')} of ${total.toLocaleString('en')} items (${Math.floor(share * 100)}%)`;
    if (!isTerminal) return `Imported ${counted}`;
    const width = 30;
    const filled = Math.round(share * width);
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counted}`;
  };
  return {
    show(done: number, total: number) {
      const now = Date.now();
      if (now - last < interval && done < total) return;
      last = now;
      if (isTerminal) {
        stream.write(`\r${line(done, total)}`);
        isDrawn = true;
      } else if (total > 0) {
        stream.write(`${line(done, total)}\n`);
      }
    },
    end() {
      if (isDrawn) stream.write('\n');
    },
  };
}

function reportText(run: ImportRunView): string {
  const heading = run.isDryRun ? `Dry run of ${run.fileName}: nothing was saved. This is what importing it would do:` : `Imported ${run.fileName}.`;
  const kinds = Object.keys(run.counts).sort();
  const rows = [['', ...COUNT_COLUMNS], ...kinds.map((kind) => [kind, ...COUNT_COLUMNS.map((column) => String(run.counts[kind]![column]))])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
  const warnings = run.warnings.length === 0 ? 'No warnings.' : [`${run.warnings.length} warning${run.warnings.length === 1 ? '' : 's'}:`, ...run.warnings.map((warning) => `- ${warning.item}: ${warning.message}`)].join('\n');
  return [heading, '', kinds.length > 0 ? table : 'Nothing to import.', '', warnings].join('\n');
}
