import 'server-only';
import { after } from 'next/server';
import { claimJob, completeJob, enqueueJob, failJob, type QueuedJob } from '@/lib/platform/jobs/job-queue';
import { edgeKey } from './edge-keys';

export const EDGE_PURGE_JOB_KIND = 'edge-purge';
/** With the queue's backoff (10 s, 40 s, 2.7 min, 11 min, 43 min) an edge has about an hour to come back. */
export const EDGE_PURGE_MAX_ATTEMPTS = 6;
const TIMEOUT_MS = 5_000;
/** Keys per request: Varnish's default header limit is 8 KB, and a purge of a whole issue can name hundreds. */
const KEYS_PER_REQUEST = 200;

/** The edges to purge: `EDGE_PURGE_URLS`, a comma-separated list of addresses; none when unset. */
export function edgePurgeUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.EDGE_PURGE_URLS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * Purges these cache tags at every configured edge: one job per edge on the queue (so a purge survives
 * a restart and an edge that is down is retried), each tried at once after the current response. Never
 * throws and never waits on an edge: a publication stands whatever the edges do. Returns the job ids.
 */
export function queueEdgePurge(tags: readonly string[], { urls = edgePurgeUrls() }: { urls?: readonly string[] } = {}): number[] {
  if (urls.length === 0 || tags.length === 0) return [];
  const keys = [...new Set(tags.map(edgeKey))];
  const jobIds: number[] = [];
  try {
    for (const url of urls) jobIds.push(enqueueJob({ kind: EDGE_PURGE_JOB_KIND, payload: { url, keys }, maxAttempts: EDGE_PURGE_MAX_ATTEMPTS }));
  } catch (error) {
    console.error('Queueing the edge cache purge failed:', error);
  }
  runSoon(() => Promise.all(jobIds.map(runNow)));
  return jobIds;
}

/** After the response in a request (Next has applied its own tag expiry by then), at once elsewhere. */
function runSoon(task: () => Promise<unknown>): void {
  try {
    after(task);
  } catch {
    void task();
  }
}

/** Runs one queued purge now unless a worker took it first; a failure is left to the queue's retries. */
async function runNow(jobId: number): Promise<void> {
  try {
    const job = claimJob(jobId);
    if (!job) return;
    try {
      await purgeEdge(job);
      completeJob(job.id);
    } catch (error) {
      failJob(job, error);
      console.error(`Purging the edge cache failed; it will be retried:`, error);
    }
  } catch (error) {
    console.error('Running the edge cache purge failed:', error);
  }
}

/** The queue's handler: sends `PURGE` with the keys in `xkey-purge`; throws on a network error or a non-2xx answer, to be retried. */
export async function purgeEdge(job: Pick<QueuedJob, 'payload'>): Promise<void> {
  const url = String(job.payload.url);
  const keys = Array.isArray(job.payload.keys) ? job.payload.keys.map(String) : [];
  for (let start = 0; start < keys.length; start += KEYS_PER_REQUEST) {
    const batch = keys.slice(start, start + KEYS_PER_REQUEST);
    const response = await fetch(url, { method: 'PURGE', headers: { 'xkey-purge': batch.join(' ') }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await response.text();
    if (!response.ok) throw new Error(`The edge at ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  }
}
