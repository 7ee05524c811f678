import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, campaigns, issues, outbox, revisions } from '@/db/schema';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { expandCampaigns } from '@/lib/readers/mail/expand-campaigns';
import { closeSmtpTransport } from '@/lib/readers/mail/smtp-transport';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createManyTestSubscribers } from '../factories/subscriber';
import { startSmtpSink } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';
import { writeResults } from './support/bench-stats';

/**
 * The issue email to 100,000 confirmed subscribers on a temporary SQLite file, delivered into a
 * local SMTP sink (smtp-server in this process, counting recipients): time to expand the campaign into
 * the outbox, delivery rate with an unlimited and with a configured rate, and peak memory (RSS and
 * heap, sampled every 50 ms, sink included).
 */

const SUBSCRIBERS = 100_000;
const PACED_MESSAGES = 1_000;
const PACED_RATE = 200;

const database = withTempDatabase();
const results: Record<string, unknown> = {};

afterAll(() => {
  if (Object.keys(results).length > 0) console.log(`BENCH results: ${writeResults('mail-campaign', results)}`);
});

describe('a campaign to 100,000 subscribers', () => {
  it('expands into the outbox and is delivered to every subscriber exactly once', async () => {
    const memory = sampleMemory();
    const issueId = issueWithContents();
    const seedStarted = performance.now();
    createManyTestSubscribers({ count: SUBSCRIBERS });
    const seedMs = performance.now() - seedStarted;
    getDb().insert(campaigns).values({ kind: 'issue', issueId, dedupeKey: `issue:${issueId}` }).run();

    const enqueueStarted = performance.now();
    let queued = 0;
    while (getDb().select({ status: campaigns.status }).from(campaigns).get()!.status !== 'sending') queued += expandCampaigns({ budgetMs: 60_000 });
    const enqueueMs = performance.now() - enqueueStarted;
    expect(queued).toBe(SUBSCRIBERS);
    const outboxBytes = getDb().select({ bytes: sql<number>`sum(length(${outbox.text}) + length(${outbox.html}) + length(${outbox.headers}))` }).from(outbox).get()!.bytes;
    const databaseBytes = fs.statSync(database.path()).size + (fs.existsSync(`${database.path()}-wal`) ? fs.statSync(`${database.path()}-wal`).size : 0);
    const afterEnqueue = memory.peak();

    const sink = await startSmtpSink({ parse: false, keepMessages: false });
    process.env.SMTP_URL = sink.url;
    process.env.MAIL_RATE_PER_SECOND = '1000000';
    process.env.MAIL_SMTP_CONNECTIONS = '4';
    const deliverStarted = performance.now();
    while (getDb().select({ count: sql<number>`count(*)` }).from(outbox).where(eq(outbox.status, 'pending')).get()!.count > 0) {
      await deliverOutbox({ budgetMs: 10_000 });
    }
    const deliverMs = performance.now() - deliverStarted;
    closeSmtpTransport();
    const counts = sink.countByRecipient();
    expect(counts.size).toBe(SUBSCRIBERS);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);

    // The configured rate is honoured: 1,000 messages at 200 a second take about five seconds.
    getDb().delete(outbox).run();
    getDb().update(campaigns).set({ status: 'queued', expandedThroughSubscriberId: SUBSCRIBERS - PACED_MESSAGES, recipientCount: 0 }).run();
    expandCampaigns({ budgetMs: 60_000 });
    process.env.MAIL_RATE_PER_SECOND = String(PACED_RATE);
    const pacedStarted = performance.now();
    while (getDb().select({ count: sql<number>`count(*)` }).from(outbox).where(eq(outbox.status, 'pending')).get()!.count > 0) await deliverOutbox({ budgetMs: 10_000 });
    const pacedMs = performance.now() - pacedStarted;
    closeSmtpTransport();
    await sink.close();
    delete process.env.SMTP_URL;
    delete process.env.MAIL_RATE_PER_SECOND;
    delete process.env.MAIL_SMTP_CONNECTIONS;
    const peak = memory.stop();

    Object.assign(results, {
      subscribers: SUBSCRIBERS,
      seedSubscribersMs: Math.round(seedMs),
      enqueueMs: Math.round(enqueueMs),
      enqueuePerSecond: Math.round(SUBSCRIBERS / (enqueueMs / 1000)),
      outboxMegabytes: Math.round(outboxBytes / 1024 / 1024),
      databaseMegabytesAfterEnqueue: Math.round(databaseBytes / 1024 / 1024),
      deliverMs: Math.round(deliverMs),
      deliveredPerSecond: Math.round(SUBSCRIBERS / (deliverMs / 1000)),
      smtpConnections: 4,
      pacedRatePerSecond: PACED_RATE,
      pacedMeasuredPerSecond: Math.round(PACED_MESSAGES / (pacedMs / 1000)),
      peakRssMegabytesDuringEnqueue: afterEnqueue.rssMb,
      peakRssMegabytes: peak.rssMb,
      peakHeapMegabytes: peak.heapMb,
    });
    console.log(`BENCH mail campaign: ${JSON.stringify(results)}`);
    expect(PACED_MESSAGES / (pacedMs / 1000)).toBeLessThan(PACED_RATE * 1.25);
  });
});

function issueWithContents(): number {
  const issue = createTestIssue({ status: 'published' });
  getDb().update(issues).set({ title: 'April 2025', editorsNote: 'A month of anniversaries. '.repeat(20) }).where(eq(issues.id, issue.id)).run();
  for (const name of ['News', 'Features', 'Analysis']) {
    const section = createTestSection(name);
    for (let index = 0; index < 4; index++) {
      const article = createTestArticle({ title: `${name} story ${index + 1}`, sectionId: section, issueId: issue.id });
      const revisionId = getDb().select({ id: articles.publishedRevisionId }).from(articles).where(eq(articles.id, article.id)).get()!.id!;
      getDb().update(revisions).set({ dek: 'A one-sentence summary of why this piece matters to readers following arms control.' }).where(eq(revisions.id, revisionId)).run();
    }
  }
  return issue.id;
}

function sampleMemory() {
  let rss = 0;
  let heap = 0;
  const take = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  const timer = setInterval(take, 50);
  const read = () => ({ rssMb: Math.round(rss / 1024 / 1024), heapMb: Math.round(heap / 1024 / 1024) });
  return {
    peak: () => (take(), read()),
    stop: () => {
      clearInterval(timer);
      take();
      return read();
    },
  };
}
