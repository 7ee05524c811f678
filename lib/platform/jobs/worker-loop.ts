import 'server-only';
import { nextScheduledPublicationAt, publishDueArticles } from '@/lib/articles/publish-due-articles';
import { pruneQuietAwareness } from '@/lib/collab/collab-awareness';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { expandCampaigns } from '@/lib/readers/mail/expand-campaigns';
import { finishCampaigns } from '@/lib/readers/mail/finish-campaigns';
import { queueDigests } from '@/lib/readers/mail/queue-digests';
import { pruneRateLimitHits } from '@/lib/readers/hit-rate-limit';
import { pruneSearchFactsChanges } from '@/lib/site/search/prune-search-facts-changes';
import { JOB_HANDLERS } from './job-handlers';
import { pruneLoginAttempts } from './prune-login-attempts';
import { runJobs } from './run-jobs';

export type WorkerStep = {
  name: string;
  run: () => number | Promise<number>;
  /** When this step did something, the next pass starts at once: there is probably more (a campaign being sent). */
  isBusyWhenPositive?: boolean;
};

/** What one pass of the worker does. Each step is idempotent: running it twice changes nothing more. */
export const WORKER_STEPS: WorkerStep[] = [
  { name: 'publish-due-articles', run: () => publishDueArticles() },
  { name: 'queue-digests', run: () => queueDigests() },
  { name: 'expand-campaigns', run: () => expandCampaigns(), isBusyWhenPositive: true },
  { name: 'deliver-outbox', run: () => deliverOutbox(), isBusyWhenPositive: true },
  { name: 'finish-campaigns', run: () => finishCampaigns() },
  { name: 'run-jobs', run: () => runJobs({ handlers: JOB_HANDLERS }), isBusyWhenPositive: true },
  { name: 'prune-login-attempts', run: () => pruneLoginAttempts() },
  { name: 'prune-rate-limit-hits', run: () => pruneRateLimitHits() },
  { name: 'prune-search-facts-changes', run: () => pruneSearchFactsChanges() },
  { name: 'prune-quiet-carets', run: () => pruneQuietAwareness() },
];

/** Runs every step once; one step failing does not stop the others. Returns how much each did. */
export async function runWorkerPass(steps: WorkerStep[] = WORKER_STEPS): Promise<Record<string, number | Error>> {
  const results: Record<string, number | Error> = {};
  for (const step of steps) {
    try {
      results[step.name] = await step.run();
    } catch (error) {
      results[step.name] = error instanceof Error ? error : new Error(String(error));
      console.error(`Worker step ${step.name} failed:`, error);
    }
  }
  return results;
}

/** How often the worker looks for work: mail, jobs, and articles scheduled since its last pass. */
export const WORKER_INTERVAL_MS = 5_000;

/**
 * Runs passes every `intervalMs` (WORKER_INTERVAL_MS in the environment) until the returned stop function is
 * called, and at the time the next scheduled article falls due, so it goes out then rather than up to an
 * interval later: an embargo lifts at its minute, not a few seconds past it.
 */
export function startWorkerLoop({ intervalMs = workerInterval() }: { intervalMs?: number } = {}): () => void {
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (isStopped) return;
    const results = await runWorkerPass();
    const isBusy = WORKER_STEPS.some((step) => step.isBusyWhenPositive && typeof results[step.name] === 'number' && (results[step.name] as number) > 0);
    if (!isStopped) timer = setTimeout(tick, isBusy ? 0 : untilNextPass(intervalMs));
  };
  timer = setTimeout(tick, 1_000);
  timer.unref?.();
  return () => {
    isStopped = true;
    if (timer) clearTimeout(timer);
  };
}

function untilNextPass(intervalMs: number): number {
  let due: number | null = null;
  try {
    due = nextScheduledPublicationAt();
  } catch (error) {
    console.error('The worker could not read when the next scheduled article is due:', error);
  }
  const wait = due === null ? intervalMs : due - Date.now();
  return wait > 0 ? Math.min(intervalMs, wait) : intervalMs;
}

function workerInterval(): number {
  const configured = Number(process.env.WORKER_INTERVAL_MS);
  return Number.isFinite(configured) && configured >= 100 ? configured : WORKER_INTERVAL_MS;
}
