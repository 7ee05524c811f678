import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, integrations, webhookDeliveries } from '@/db/schema';
import { addWebhook, listDeliveries, listWebhooks, removeWebhook, resendDelivery } from '@/lib/api/webhooks/webhooks';
import { publishDueArticles } from '@/lib/articles/publish-due-articles';
import { transitionArticle } from '@/lib/articles/transition-article';
import { publishIssue } from '@/lib/issues/publish-issue';
import { JOB_HANDLERS } from '@/lib/platform/jobs/job-handlers';
import { jobRetryDelayMs } from '@/lib/platform/jobs/job-queue';
import { runJobs } from '@/lib/platform/jobs/run-jobs';
import { createTestSection } from '../factories/article';
import { createIssueArticle, createPlanningIssue } from '../factories/issue-articles';
import { createReadyArticle } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

type Received = { headers: Record<string, string | string[] | undefined>; body: string };

/** A receiver on a real port: answers each POST with the next status in `answers` (200 when they run out). */
let server: Server;
let received: Received[];
let answers: number[];
let receiverUrl: string;

beforeEach(async () => {
  received = [];
  answers = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = answers.shift() ?? 200;
      response.end(response.statusCode >= 400 ? 'receiver broke' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function createIntegration(name = 'Newsletter tool'): number {
  return getDb().insert(integrations).values({ name, contentKey: randomBytes(13).toString('hex') }).returning({ id: integrations.id }).get().id;
}

function verify(delivery: Received, secret: string): boolean {
  const header = String(delivery.headers['x-masthead-signature']);
  const match = /^sha256=([0-9a-f]{64}), t=(\d+)$/.exec(header);
  if (!match) return false;
  return createHmac('sha256', secret).update(`${match[2]}.${delivery.body}`).digest('hex') === match[1];
}

const runQueue = (now: number) => runJobs({ handlers: JOB_HANDLERS, now: () => now, budgetMs: 60_000 });

describe('webhooks', () => {
  it('delivers a signed POST naming the article when it is published, and logs it delivered', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const integrationId = createIntegration();
    const hook = addWebhook({ integrationId, event: 'post.published', targetUrl: receiverUrl });
    if (!hook.ok) throw new Error(hook.error);
    const article = createReadyArticle({ owner: editor, status: 'approved' });
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } })).toMatchObject({ ok: true });

    await runQueue(Date.now());
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['x-masthead-event']).toBe('post.published');
    expect(verify(delivery!, hook.secret)).toBe(true);
    expect(verify(delivery!, 'not-the-secret')).toBe(false);

    const row = getDb().select().from(articles).where(eq(articles.id, article.id)).get()!;
    const body = JSON.parse(delivery!.body) as { post: { current: Record<string, unknown>; previous: Record<string, unknown> } };
    expect(body.post.current).toMatchObject({ id: article.id, title: row.title, slug: row.slug, url: `http://localhost:3000/articles/${row.slug}`, status: 'published', published_at: row.publishedAt!.toISOString() });
    expect(body.post.previous).toEqual({ status: 'approved' });

    expect(listDeliveries({ webhookId: hook.id })).toMatchObject([{ event: 'post.published', status: 'delivered', attempts: 1, responseStatus: 200, error: null }]);
  });

  it('retries a delivery the receiver refused after the queue’s backoff, logging every attempt, and can send a failed one again', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const hook = addWebhook({ integrationId: createIntegration(), event: 'post.published', targetUrl: receiverUrl });
    if (!hook.ok) throw new Error(hook.error);
    const due = new Date(Date.now() - 60_000);
    const article = createReadyArticle({ owner: editor, status: 'scheduled', scheduledFor: due });
    expect(publishDueArticles()).toBe(1);

    answers = [500, 503];
    let clock = Date.now();
    await runQueue(clock);
    expect(listDeliveries({ webhookId: hook.id })).toMatchObject([{ status: 'pending', attempts: 1, responseStatus: 500, error: 'The receiver answered 500: receiver broke' }]);
    await runQueue(clock + jobRetryDelayMs(1) - 1_000);
    expect(received).toHaveLength(1);
    clock += jobRetryDelayMs(1);
    await runQueue(clock);
    expect(received).toHaveLength(2);
    expect(listDeliveries({ webhookId: hook.id })).toMatchObject([{ status: 'pending', attempts: 2, responseStatus: 503 }]);
    clock += jobRetryDelayMs(2);
    await runQueue(clock);
    expect(received).toHaveLength(3);
    expect(listDeliveries({ webhookId: hook.id })).toMatchObject([{ status: 'delivered', attempts: 3, responseStatus: 200, error: null }]);
    expect((JSON.parse(received[2]!.body) as { post: { current: { id: number } } }).post.current.id).toBe(article.id);

    // A receiver that stays down: six attempts, then the delivery is failed and can be sent again by hand.
    getDb().delete(webhookDeliveries).run();
    received = [];
    answers = [500, 500, 500, 500, 500, 500];
    const other = createReadyArticle({ owner: editor, status: 'scheduled', scheduledFor: due });
    expect(publishDueArticles()).toBe(1);
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await runQueue(clock);
      clock += jobRetryDelayMs(attempt);
    }
    expect(received).toHaveLength(6);
    const [failed] = listDeliveries({ webhookId: hook.id });
    expect(failed).toMatchObject({ status: 'failed', attempts: 6, responseStatus: 500 });
    expect(resendDelivery(failed!.id)).toMatchObject({ ok: true });
    await runQueue(clock);
    expect(listDeliveries({ webhookId: hook.id })).toMatchObject([{ status: 'delivered', attempts: 7, responseStatus: 200 }]);
    expect((JSON.parse(received[6]!.body) as { post: { current: { id: number } } }).post.current.id).toBe(other.id);
  });

  it('sends issue.published, post.published.edited and post.unpublished to the webhooks that asked for them', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const integrationId = createIntegration();
    const secrets = new Map<string, string>();
    for (const event of ['issue.published', 'post.published.edited', 'post.unpublished'] as const) {
      const hook = addWebhook({ integrationId, event, targetUrl: `${receiverUrl}/${event}` });
      if (!hook.ok) throw new Error(hook.error);
      secrets.set(event, hook.secret);
    }
    const issue = createPlanningIssue({ title: 'June 2031', isEmailWanted: false });
    const first = createIssueArticle({ owner: editor, issueId: issue.id, sectionId: createTestSection('World'), title: 'Arms and the issue', status: 'approved' });
    expect(publishIssue({ actor: editor, id: issue.id })).toMatchObject({ ok: true });
    expect(transitionArticle({ id: first.id, actor: editor, input: { action: 'update', correction: { kind: 'correction', note: 'The date was wrong.' } } })).toMatchObject({ ok: true });
    expect(transitionArticle({ id: first.id, actor: editor, input: { action: 'unpublish' } })).toMatchObject({ ok: true });
    await runQueue(Date.now());

    expect(received.map((delivery) => delivery.headers['x-masthead-event'])).toEqual(['issue.published', 'post.published.edited', 'post.unpublished']);
    for (const delivery of received) expect(verify(delivery, secrets.get(String(delivery.headers['x-masthead-event']))!)).toBe(true);
    const [issueBody, edited, unpublished] = received.map((delivery) => JSON.parse(delivery.body) as Record<string, { current: Record<string, unknown>; previous: Record<string, unknown> }>);
    expect(issueBody!.issue!.current).toMatchObject({ id: issue.id, title: 'June 2031', slug: issue.slug, url: `http://localhost:3000/issues/${issue.slug}` });
    expect(issueBody!.issue!.current.posts).toEqual([{ id: first.id, title: 'Arms and the issue', slug: first.slug, url: `http://localhost:3000/articles/${first.slug}` }]);
    expect(edited!.post!.current).toMatchObject({ id: first.id, title: 'Arms and the issue', status: 'published' });
    expect(unpublished!.post!.current).toMatchObject({ id: first.id, status: 'unpublished' });
    expect(unpublished!.post!.previous).toEqual({ status: 'published' });
  });

  it('sends nothing to a removed webhook or one of a revoked integration, and takes only http(s) addresses', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const integrationId = createIntegration();
    expect(addWebhook({ integrationId, event: 'post.published', targetUrl: 'ftp://example.org/x' })).toMatchObject({ ok: false, fieldErrors: { targetUrl: expect.stringMatching(/http/) } });
    expect(addWebhook({ integrationId, event: 'post.published', targetUrl: 'not a url' })).toMatchObject({ ok: false });
    const hook = addWebhook({ integrationId, event: 'post.published', targetUrl: receiverUrl });
    if (!hook.ok) throw new Error(hook.error);
    expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(listWebhooks(integrationId)).toMatchObject([{ id: hook.id, event: 'post.published', targetUrl: receiverUrl }]);
    expect(removeWebhook({ integrationId, id: hook.id })).toMatchObject({ ok: true });
    expect(listWebhooks(integrationId)).toEqual([]);

    const revoked = createIntegration('Old tool');
    addWebhook({ integrationId: revoked, event: 'post.published', targetUrl: receiverUrl });
    getDb().update(integrations).set({ revokedAt: new Date() }).where(eq(integrations.id, revoked)).run();

    const article = createReadyArticle({ owner: editor, status: 'approved' });
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } })).toMatchObject({ ok: true });
    await runQueue(Date.now());
    expect(received).toEqual([]);
    expect(getDb().select().from(webhookDeliveries).all()).toEqual([]);
  });
});
