import 'server-only';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { jobs, type Job } from '@/db/schema';

export type QueuedJob = Pick<Job, 'id' | 'kind' | 'payload' | 'attempts' | 'maxAttempts'>;

/** How long a claim holds before another worker may take the job again (a crashed worker's job is not lost). */
export const JOB_CLAIM_MS = 5 * 60_000;

/**
 * Adds a job. With a `dedupeKey`, a job with the same key that is still queued or running is
 * returned instead of a second one; a finished one is queued again under the same key.
 */
export function enqueueJob({
  kind,
  payload,
  dedupeKey = null,
  maxAttempts = 5,
  runAfter = Date.now(),
}: {
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey?: string | null;
  maxAttempts?: number;
  runAfter?: number;
}): number {
  const db = getDb();
  return db.transaction((tx) => {
    if (dedupeKey) {
      const existing = tx.select({ id: jobs.id, status: jobs.status }).from(jobs).where(eq(jobs.dedupeKey, dedupeKey)).get();
      if (existing && (existing.status === 'queued' || existing.status === 'running')) return existing.id;
      if (existing) {
        tx.update(jobs)
          .set({ kind, payload, status: 'queued', attempts: 0, maxAttempts, runAfter, lockedUntil: null, lastError: null, finishedAt: null, progressDone: 0, progressTotal: 0, updatedAt: new Date() })
          .where(eq(jobs.id, existing.id))
          .run();
        return existing.id;
      }
    }
    return tx.insert(jobs).values({ kind, payload, dedupeKey, maxAttempts, runAfter }).returning({ id: jobs.id }).get().id;
  });
}

/** Claims the oldest due job of one of `kinds` (or of any kind), so no other worker runs it meanwhile. */
export function claimNextJob({ kinds, now = Date.now() }: { kinds?: readonly string[]; now?: number } = {}): QueuedJob | null {
  const db = getDb();
  return db.transaction((tx) => {
    const due = or(and(eq(jobs.status, 'queued'), lte(jobs.runAfter, now)), and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, now)));
    const job = tx
      .select({ id: jobs.id, kind: jobs.kind, payload: jobs.payload, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts })
      .from(jobs)
      .where(kinds ? and(due, inArray(jobs.kind, [...kinds])) : due)
      .orderBy(asc(jobs.runAfter), asc(jobs.id))
      .limit(1)
      .get();
    if (!job) return null;
    tx.update(jobs)
      .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: now + JOB_CLAIM_MS, updatedAt: new Date(now) })
      .where(eq(jobs.id, job.id))
      .run();
    return { ...job, attempts: job.attempts + 1 };
  });
}

/** Claims one queued job by its id, for a process that queued it and runs it itself (the import command); null if a worker took it first. */
export function claimJob(id: number, now = Date.now()): QueuedJob | null {
  const claimed = getDb()
    .update(jobs)
    .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: now + JOB_CLAIM_MS, updatedAt: new Date(now) })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'queued')))
    .returning({ id: jobs.id, kind: jobs.kind, payload: jobs.payload, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts })
    .get();
  return claimed ?? null;
}

export function completeJob(id: number, now = Date.now()): void {
  getDb()
    .update(jobs)
    .set({ status: 'done', lockedUntil: null, lastError: null, finishedAt: new Date(now), updatedAt: new Date(now) })
    .where(eq(jobs.id, id))
    .run();
}

/** Backoff before retry `attempt` (1-based): 10 s, 40 s, 2.7 min, … capped at an hour. */
export function jobRetryDelayMs(attempt: number): number {
  return Math.min(60 * 60_000, 10_000 * 4 ** Math.max(0, attempt - 1));
}

/** Records a failed attempt: retried after a backoff while attempts remain, otherwise failed for good. Returns whether it will be retried. */
export function failJob(job: Pick<QueuedJob, 'id' | 'attempts' | 'maxAttempts'>, error: unknown, now = Date.now()): boolean {
  const willRetry = job.attempts < job.maxAttempts;
  const message = error instanceof Error ? error.message : String(error);
  getDb()
    .update(jobs)
    .set(
      willRetry
        ? { status: 'queued', runAfter: now + jobRetryDelayMs(job.attempts), lockedUntil: null, lastError: message, updatedAt: new Date(now) }
        : { status: 'failed', lockedUntil: null, lastError: message, finishedAt: new Date(now), updatedAt: new Date(now) },
    )
    .where(eq(jobs.id, job.id))
    .run();
  return willRetry;
}

/** Keeps a long job's claim alive and shows how far it has got. */
export function reportJobProgress(id: number, { done, total }: { done: number; total: number }, now = Date.now()): void {
  getDb()
    .update(jobs)
    .set({ progressDone: done, progressTotal: total, lockedUntil: now + JOB_CLAIM_MS, updatedAt: new Date(now) })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
    .run();
}

export function getJob(id: number): Job | undefined {
  return getDb().select().from(jobs).where(eq(jobs.id, id)).get();
}

/** Jobs of a kind not yet finished, oldest first (for the desk and for tests). */
export function listOpenJobs(kind: string): Job[] {
  return getDb()
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind), inArray(jobs.status, ['queued', 'running'])))
    .orderBy(asc(jobs.id))
    .all();
}
