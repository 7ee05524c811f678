import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, loginAttempts } from '@/db/schema';
import { nextScheduledPublicationAt } from '@/lib/articles/publish-due-articles';
import { LOGIN_ATTEMPT_RETENTION_MS } from '@/lib/platform/jobs/prune-login-attempts';
import { runWorkerPass, startWorkerLoop } from '@/lib/platform/jobs/worker-loop';
import { createReadyArticle } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('worker pass', () => {
  it('drops sign-in attempts older than the retention period and keeps recent ones; a second pass does nothing', async () => {
    const now = Date.now();
    getDb()
      .insert(loginAttempts)
      .values([
        { email: 'old@x.org', ip: '1', outcome: 'failure', attemptedAt: now - LOGIN_ATTEMPT_RETENTION_MS - 1000 },
        { email: 'new@x.org', ip: '1', outcome: 'failure', attemptedAt: now - 1000 },
      ])
      .run();
    const first = await runWorkerPass();
    expect(first['prune-login-attempts']).toBe(1);
    expect(Object.values(first).filter((result) => result instanceof Error)).toEqual([]);
    expect(getDb().select({ email: loginAttempts.email }).from(loginAttempts).all()).toEqual([{ email: 'new@x.org' }]);
    expect((await runWorkerPass())['prune-login-attempts']).toBe(0);
  });

  it('keeps going when one step fails', async () => {
    const results = await runWorkerPass([
      { name: 'broken', run: () => { throw new Error('boom'); } },
      { name: 'fine', run: () => 3 },
    ]);
    expect(results.broken).toBeInstanceOf(Error);
    expect(results.fine).toBe(3);
  });

  it('wakes for a scheduled article at its time, not up to an interval later', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    // Due between the loop's first pass (one second after it starts) and its next one, an interval later.
    const dueAt = Date.now() + 1_600;
    const article = createReadyArticle({ owner: editor, status: 'scheduled', scheduledFor: new Date(dueAt) });
    const stop = startWorkerLoop({ intervalMs: 60_000 });
    try {
      const statusNow = () => getDb().select({ status: articles.status }).from(articles).where(eq(articles.id, article.id)).get()?.status;
      await expect.poll(statusNow, { timeout: 4_000, interval: 20 }).toBe('published');
      const publishedAt = getDb().select({ publishedAt: articles.publishedAt }).from(articles).where(eq(articles.id, article.id)).get()!.publishedAt!.getTime();
      expect(publishedAt).toBeGreaterThanOrEqual(dueAt);
      expect(publishedAt - dueAt).toBeLessThan(500);
    } finally {
      stop();
    }
  });

  it('looks past a scheduled article that is already due and was not published, to the next one', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const now = new Date('2026-03-01T09:00:00Z');
    createReadyArticle({ owner: editor, status: 'scheduled', scheduledFor: new Date('2026-03-01T08:00:00Z') });
    createReadyArticle({ owner: editor, status: 'scheduled', scheduledFor: new Date('2026-03-01T09:30:00Z') });
    createReadyArticle({ owner: editor, status: 'approved', scheduledFor: new Date('2026-03-01T09:10:00Z') });
    expect(nextScheduledPublicationAt({ now })).toBe(Date.parse('2026-03-01T09:30:00Z'));
    expect(nextScheduledPublicationAt({ now: new Date('2026-03-01T10:00:00Z') })).toBeNull();
  });
});
