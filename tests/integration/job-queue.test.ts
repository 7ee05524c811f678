import { describe, expect, it } from 'vitest';
import { claimNextJob, enqueueJob, getJob, jobRetryDelayMs, JOB_CLAIM_MS, reportJobProgress } from '@/lib/platform/jobs/job-queue';
import { runJobs } from '@/lib/platform/jobs/run-jobs';
import { withTempDatabase } from '../factories/temp-database';

describe('job queue', () => {
  withTempDatabase();

  it('runs a due job once and marks it done', async () => {
    const seen: unknown[] = [];
    const id = enqueueJob({ kind: 'note', payload: { word: 'treaty' } });
    const ran = await runJobs({ handlers: { note: (job) => void seen.push(job.payload) } });
    expect(ran).toBe(1);
    expect(seen).toEqual([{ word: 'treaty' }]);
    expect(getJob(id)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
    expect(await runJobs({ handlers: { note: (job) => void seen.push(job.payload) } })).toBe(0);
  });

  it('retries a failing job after its backoff and gives up after the last attempt', async () => {
    let clock = 1_000_000;
    const id = enqueueJob({ kind: 'flaky', payload: {}, maxAttempts: 2, runAfter: clock });
    const failing = { flaky: () => { throw new Error('receiver answered 503'); } };
    await runJobs({ handlers: failing, now: () => clock, budgetMs: 0 + 1 });
    expect(getJob(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'receiver answered 503', runAfter: clock + jobRetryDelayMs(1) });
    // Not due before its backoff is over.
    expect(claimNextJob({ now: clock + jobRetryDelayMs(1) - 1 })).toBeNull();
    clock += jobRetryDelayMs(1);
    await runJobs({ handlers: failing, now: () => clock, budgetMs: 1 });
    expect(getJob(id)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(claimNextJob({ now: clock + 10 * 3_600_000 })).toBeNull();
  });

  it('hands a job whose worker stopped mid-run to the next worker once the claim lapses', () => {
    const id = enqueueJob({ kind: 'import', payload: {}, runAfter: 0 });
    expect(claimNextJob({ now: 10 })?.id).toBe(id);
    expect(claimNextJob({ now: 20 })).toBeNull();
    reportJobProgress(id, { done: 3, total: 10 }, 20);
    expect(claimNextJob({ now: 20 + JOB_CLAIM_MS - 1 })).toBeNull();
    expect(claimNextJob({ now: 20 + JOB_CLAIM_MS })).toMatchObject({ id, attempts: 2 });
    expect(getJob(id)).toMatchObject({ progressDone: 3, progressTotal: 10 });
  });

  it('keeps one open job per dedupe key and queues it again once finished', async () => {
    const first = enqueueJob({ kind: 'purge', payload: { key: 'home' }, dedupeKey: 'purge:home' });
    expect(enqueueJob({ kind: 'purge', payload: { key: 'home' }, dedupeKey: 'purge:home' })).toBe(first);
    await runJobs({ handlers: { purge: () => {} } });
    expect(enqueueJob({ kind: 'purge', payload: { key: 'home' }, dedupeKey: 'purge:home' })).toBe(first);
    expect(getJob(first)).toMatchObject({ status: 'queued', attempts: 0 });
  });
});
