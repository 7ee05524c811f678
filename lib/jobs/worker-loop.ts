import 'server-only';
import { publishDueArticles } from '@/lib/articles/publish-due-articles';
import { pruneLoginAttempts } from './prune-login-attempts';

export type WorkerStep = { name: string; run: () => number | Promise<number> };

/** What one pass of the worker does. Each step is idempotent: running it twice changes nothing more. */
export const WORKER_STEPS: WorkerStep[] = [
  { name: 'publish-due-articles', run: () => publishDueArticles() },
  { name: 'prune-login-attempts', run: () => pruneLoginAttempts() },
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

/** Runs passes every `intervalMs` until the returned stop function is called. */
/** Scheduled articles go out within this long of their time. */
export const WORKER_INTERVAL_MS = 5_000;

export function startWorkerLoop({ intervalMs = WORKER_INTERVAL_MS }: { intervalMs?: number } = {}): () => void {
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (isStopped) return;
    await runWorkerPass();
    if (!isStopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 1_000);
  timer.unref?.();
  return () => {
    isStopped = true;
    if (timer) clearTimeout(timer);
  };
}
