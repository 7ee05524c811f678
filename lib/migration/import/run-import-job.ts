import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { importRuns, type ImportSource } from '@/db/schema';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import { reportJobProgress, type QueuedJob } from '@/lib/platform/jobs/job-queue';
import type { JobHandler } from '@/lib/platform/jobs/run-jobs';
import { IMPORT_READERS, importFromReader, type ImportReaderOpener, type ImportWriter } from './import-parts';
import { getImportRun } from './import-runs';
import { removeImportFile } from './store-import-file';

export type ImportJobParts = {
  readerFor: (source: ImportSource) => ImportReaderOpener;
  writer: ImportWriter;
  /** Least time between two progress writes: a 10,000-item import must not write 10,000 times. */
  progressIntervalMs?: number;
};

const PROGRESS_INTERVAL_MS = 250;

/**
 * Carries out one import run: opens its file with the reader for its source, hands it to the writer
 * and keeps the run's progress, report or failure. A job run again after a crash starts the run
 * over; the writer's source map makes that safe.
 */
export function createImportJobHandler({ readerFor, writer, progressIntervalMs = PROGRESS_INTERVAL_MS }: ImportJobParts): (job: QueuedJob) => Promise<void> {
  return async (job: QueuedJob) => {
    const runId = Number(job.payload.runId);
    const run = getImportRun(runId);
    if (!run) throw new Error(`Import run ${String(job.payload.runId)} does not exist.`);
    if (run.status === 'done') return;
    const db = getDb();
    const save = (values: Partial<typeof importRuns.$inferInsert>) => db.update(importRuns).set(values).where(eq(importRuns.id, runId)).run();
    save({ status: 'running', startedAt: new Date(), finishedAt: null, error: null, progressDone: 0, progressTotal: 0, counts: {}, warnings: [], jobId: job.id });
    let lastWrite = Number.NEGATIVE_INFINITY;
    let latest = { done: 0, total: 0 };
    const writeProgress = () => {
      save({ progressDone: latest.done, progressTotal: latest.total });
      reportJobProgress(job.id, latest);
      lastWrite = Date.now();
    };
    try {
      const reader = readerFor(run.source)(run.filePath, { fileName: run.fileName });
      latest = { done: 0, total: await reader.countItems() };
      writeProgress();
      const report = await writer({
        reader,
        dryRun: run.isDryRun,
        actorId: run.createdBy,
        media: { fetchImages: run.fetchImages, ...(run.mediaDir ? { mediaDir: run.mediaDir } : {}) },
        onProgress: (done, total) => {
          latest = { done, total };
          if (Date.now() - lastWrite >= progressIntervalMs) writeProgress();
        },
      });
      const total = Math.max(latest.total, latest.done);
      save({ status: 'done', progressDone: total, progressTotal: total, counts: report.counts, warnings: report.warnings, finishedAt: new Date() });
      reportJobProgress(job.id, { done: total, total });
      if (!run.isDryRun) removeImportFile(run.filePath);
    } catch (error) {
      save({ status: 'failed', error: sentenceOf(error), finishedAt: new Date() });
      throw error;
    }
  };
}

/** The handler the worker runs for `import` jobs. */
export const runImportJob: JobHandler = (job) => createImportJobHandler({ readerFor: readerForSource, writer: importFromReader })(job);

export function readerForSource(source: ImportSource): ImportReaderOpener {
  const opener = IMPORT_READERS[source];
  if (!opener) throw new InvalidInputError(`Files of the kind “${source}” are not imported here.`);
  return opener;
}

/** The message alone, first line only: a stack or a query never reaches the report. */
function sentenceOf(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  return message || 'The import stopped on an error it could not describe.';
}
