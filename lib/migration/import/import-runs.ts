import 'server-only';
import fs from 'node:fs';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { importRuns, users, type ImportCounts, type ImportRunStatus, type ImportSource } from '@/db/schema';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/platform/errors/domain-errors';
import { enqueueJob } from '@/lib/platform/jobs/job-queue';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { ImportWarning } from './import-model';

export type { ImportCounts, ImportRunStatus, ImportSource };

export const IMPORT_JOB_KIND = 'import';

export type ImportRunOptions = {
  dryRun: boolean;
  /** A local copy of the old site's uploads (`wp-content/uploads`, Ghost's `content/images`). */
  mediaDir?: string;
  /** Whether images missing from `mediaDir` are fetched from the old site. */
  fetchImages: boolean;
};

/** What the desk and the command line show of one run. */
export type ImportRunView = {
  id: number;
  source: ImportSource;
  fileName: string;
  filePath: string;
  isDryRun: boolean;
  status: ImportRunStatus;
  progressDone: number;
  progressTotal: number;
  counts: ImportCounts;
  warnings: ImportWarning[];
  error: string | null;
  mediaDir: string | null;
  fetchImages: boolean;
  jobId: number | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** For a real run started from a dry run: that dry run. */
  fromDryRunId: number | null;
  /** For a dry run already imported for real: that run. */
  realRunId: number | null;
};

type Actor = { id: number } | null;

/** Records a run and queues the job that carries it out; the file must already be where `filePath` says. */
export function startImportRun({
  source,
  fileName,
  filePath,
  options,
  actor,
  fromDryRunId,
}: {
  source: ImportSource;
  fileName: string;
  filePath: string;
  options: ImportRunOptions;
  actor: Actor;
  fromDryRunId?: number;
}): { runId: number } {
  if (!fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) throw new InvalidInputError(`There is no file at ${filePath}; check the path and try again.`);
  const db = getDb();
  const stored = { fetchImages: options.fetchImages, ...(options.mediaDir ? { mediaDir: options.mediaDir } : {}), ...(fromDryRunId ? { fromDryRunId } : {}) };
  const runId = db.transaction((tx) => {
    const run = tx.insert(importRuns).values({ source, fileName, filePath, options: stored, isDryRun: options.dryRun, createdBy: actor?.id ?? null }).returning({ id: importRuns.id }).get();
    if (actor) {
      recordAudit(tx, { actorId: actor.id, action: options.dryRun ? 'import.dry_run' : 'import.run', subjectType: 'import_run', subjectId: run.id, note: fileName, data: { source } });
    }
    return run.id;
  });
  // One attempt: a file that cannot be read will not read better later, while a job whose worker stopped is claimed again anyway.
  const jobId = enqueueJob({ kind: IMPORT_JOB_KIND, payload: { runId }, maxAttempts: 1 });
  db.update(importRuns).set({ jobId }).where(eq(importRuns.id, runId)).run();
  return { runId };
}

/** Imports for real what a finished dry run showed: the same file and options. Asking twice starts one run. */
export function commitDryRun(runId: number, actor: Actor): { runId: number } {
  const dryRun = getImportRun(runId);
  if (!dryRun) throw new NotFoundError('That import does not exist.');
  if (!dryRun.isDryRun) throw new InvalidInputError('This run was already a real import; start a new dry run to import again.');
  if (dryRun.realRunId) return { runId: dryRun.realRunId };
  if (dryRun.status !== 'done') throw new ConflictError('The dry run has not finished yet; import for real once its report is ready.');
  return startImportRun({
    source: dryRun.source,
    fileName: dryRun.fileName,
    filePath: dryRun.filePath,
    options: { dryRun: false, fetchImages: dryRun.fetchImages, ...(dryRun.mediaDir ? { mediaDir: dryRun.mediaDir } : {}) },
    actor,
    fromDryRunId: dryRun.id,
  });
}

export function getImportRun(id: number): ImportRunView | null {
  const row = selectRuns().where(eq(importRuns.id, id)).get();
  return row ? toView(row) : null;
}

/** Newest first. */
export function listImportRuns({ limit = 50 }: { limit?: number } = {}): ImportRunView[] {
  return selectRuns().orderBy(desc(importRuns.createdAt), desc(importRuns.id)).limit(limit).all().map(toView);
}

function selectRuns() {
  return getDb()
    .select({
      run: importRuns,
      createdByName: users.name,
      realRunId: sql<number | null>`(select max(real_run.id) from import_runs real_run where json_extract(real_run.options, '$.fromDryRunId') = ${importRuns.id})`,
    })
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.createdBy))
    .$dynamic();
}

function toView({ run, createdByName, realRunId }: { run: typeof importRuns.$inferSelect; createdByName: string | null; realRunId: number | null }): ImportRunView {
  const options = run.options as { mediaDir?: unknown; fetchImages?: unknown; fromDryRunId?: unknown };
  return {
    id: run.id,
    source: run.source,
    fileName: run.fileName,
    filePath: run.filePath,
    isDryRun: run.isDryRun,
    status: run.status,
    progressDone: run.progressDone,
    progressTotal: run.progressTotal,
    counts: run.counts,
    warnings: run.warnings,
    error: run.error,
    mediaDir: typeof options.mediaDir === 'string' ? options.mediaDir : null,
    fetchImages: options.fetchImages !== false,
    jobId: run.jobId,
    createdBy: run.createdBy,
    createdByName,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    fromDryRunId: typeof options.fromDryRunId === 'number' ? options.fromDryRunId : null,
    realRunId: realRunId ?? null,
  };
}
