import 'server-only';
import { claimNextJob, completeJob, failJob, type QueuedJob } from './job-queue';

export type JobHandler = (job: QueuedJob) => Promise<void> | void;

/**
 * The worker's job step: runs due jobs whose kind has a handler until none are due or `budgetMs`
 * has passed. A handler that throws leaves its job to be retried with backoff; returns how many ran.
 */
export async function runJobs({
  handlers,
  budgetMs = 4_000,
  now = () => Date.now(),
}: {
  handlers: Readonly<Record<string, JobHandler>>;
  budgetMs?: number;
  now?: () => number;
}): Promise<number> {
  const kinds = Object.keys(handlers);
  if (kinds.length === 0) return 0;
  const started = now();
  let ran = 0;
  while (now() - started < budgetMs) {
    const job = claimNextJob({ kinds, now: now() });
    if (!job) break;
    try {
      await handlers[job.kind]!(job);
      completeJob(job.id, now());
    } catch (error) {
      const willRetry = failJob(job, error, now());
      console.error(`Job ${job.kind} #${job.id} failed${willRetry ? '; it will be retried' : ' for good'}:`, error);
    }
    ran += 1;
  }
  return ran;
}
