import fs from 'node:fs';
import os from 'node:os';
import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db/client';
import { articles, campaigns, issues, mailBodies, outbox, revisions } from '@/db/schema';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { mailFromSharedBody } from '@/lib/readers/mail/shared-body';
import { expandCampaigns } from '@/lib/readers/mail/expand-campaigns';
import { closeSmtpTransport } from '@/lib/readers/mail/smtp-transport';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createManyTestSubscribers } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';
import { writeResults } from './support/bench-stats';
import { startSmtpSinkProcess } from './support/smtp-sink-process';

/**
 * The issue email to 100,000 confirmed subscribers on a temporary SQLite file, delivered into a
 * local SMTP server (smtp-server in its own process, as a real one would be, accepting as fast as it
 * can and counting recipients): time to expand the campaign into the outbox, the outbox's size on
 * disk, delivery rate with an unlimited and with a configured rate, and peak memory of this process
 * (RSS and heap, sampled every 50 ms; the server's own peak is reported beside it). Each figure is
 * printed beside its goal.
 */

// BENCH_SUBSCRIBERS runs a smaller campaign (for a profile); the goals are for 100,000.
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const GOALS = { enqueueMs: 10_000, deliveredPerSecond: 1_000, outboxMegabytes: 50, peakRssMegabytes: 300 };
const PACED_MESSAGES = 1_000;
const PACED_RATE = 200;
const SMTP_CONNECTIONS = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 4);
const BASELINE_MESSAGES = 5_000;

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
    const rssBeforeCampaign = memory.peak().rssMb;
    getDb().insert(campaigns).values({ kind: 'issue', issueId, dedupeKey: `issue:${issueId}` }).run();

    const enqueueStarted = performance.now();
    let queued = 0;
    while (getDb().select({ status: campaigns.status }).from(campaigns).get()!.status !== 'sending') queued += expandCampaigns({ budgetMs: 60_000 });
    const enqueueMs = performance.now() - enqueueStarted;
    expect(queued).toBe(SUBSCRIBERS);
    // Everything the outbox takes on disk: its rows and indexes and the shared bodies they point at (SQLite's dbstat pages).
    const outboxBytes = getSqlite()
      .prepare("select sum(pgsize) as bytes from dbstat where name in (select name from sqlite_schema where tbl_name in ('outbox', 'mail_bodies'))")
      .get() as { bytes: number };
    const storedBodyBytes = getDb().select({ bytes: sql<number>`sum(length(${outbox.text}) + coalesce(length(${outbox.html}), 0) + length(${outbox.headers}))` }).from(outbox).get()!.bytes;
    const sharedBodyBytes = getDb().select({ bytes: sql<number>`coalesce(sum(length(${mailBodies.text}) + coalesce(length(${mailBodies.html}), 0)), 0)` }).from(mailBodies).get()!.bytes;
    const databaseBytes = fs.statSync(database.path()).size + (fs.existsSync(`${database.path()}-wal`) ? fs.statSync(`${database.path()}-wal`).size : 0);
    const afterEnqueue = memory.peak();

    const sink = await startSmtpSinkProcess();
    process.env.SMTP_URL = sink.url;
    process.env.MAIL_RATE_PER_SECOND = '1000000';
    process.env.MAIL_SMTP_CONNECTIONS = String(SMTP_CONNECTIONS);
    const deliverStarted = performance.now();
    const deliverCpuStarted = process.cpuUsage();
    while (getDb().select({ count: sql<number>`count(*)` }).from(outbox).where(eq(outbox.status, 'pending')).get()!.count > 0) {
      await deliverOutbox({ budgetMs: 10_000 });
    }
    const deliverMs = performance.now() - deliverStarted;
    const deliverCpu = process.cpuUsage(deliverCpuStarted);
    // CPU this process spent per message (user + system): what the rate would be with a core of its own, on a shared machine.
    const deliverCpuMsPerMessage = (deliverCpu.user + deliverCpu.system) / 1000 / SUBSCRIBERS;
    closeSmtpTransport();
    const { counts, peakRssMb: sinkPeakRssMb } = await sink.counts();
    expect(counts.size).toBe(SUBSCRIBERS);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);

    // The baselines, same run and machine: nodemailer alone (no database, no outbox) over the same pool, composing one reader's copy itself, and sending that copy already composed.
    const baseline = await bareNodemailerRate({ smtpUrl: sink.url, connections: SMTP_CONNECTIONS, count: Math.min(BASELINE_MESSAGES, SUBSCRIBERS) });
    const rawBaseline = await bareNodemailerRate({ smtpUrl: sink.url, connections: SMTP_CONNECTIONS, count: Math.min(BASELINE_MESSAGES, SUBSCRIBERS), composed: true });

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
      goals: GOALS,
      seedSubscribersMs: Math.round(seedMs),
      enqueueMs: Math.round(enqueueMs),
      enqueuePerSecond: Math.round(SUBSCRIBERS / (enqueueMs / 1000)),
      outboxMegabytes: Math.round(outboxBytes.bytes / 1024 / 1024),
      outboxBodyMegabytes: Math.round(((storedBodyBytes + sharedBodyBytes) / 1024 / 1024) * 10) / 10,
      databaseMegabytesAfterEnqueue: Math.round(databaseBytes / 1024 / 1024),
      deliverMs: Math.round(deliverMs),
      deliveredPerSecond: Math.round(SUBSCRIBERS / (deliverMs / 1000)),
      deliverCpuMsPerMessage: Math.round(deliverCpuMsPerMessage * 1000) / 1000,
      deliveredPerCpuSecond: Math.round(1000 / deliverCpuMsPerMessage),
      loadAverageDuringRun: Math.round(os.loadavg()[0]! * 10) / 10,
      bareNodemailerPerSecond: baseline.perSecond,
      bareNodemailerCpuMsPerMessage: baseline.cpuMsPerMessage,
      deliveredRatioToBareNodemailer: Math.round((SUBSCRIBERS / (deliverMs / 1000) / baseline.perSecond) * 100) / 100,
      bareNodemailerComposedPerSecond: rawBaseline.perSecond,
      bareNodemailerComposedCpuMsPerMessage: rawBaseline.cpuMsPerMessage,
      deliveredRatioToBareNodemailerComposed: Math.round((SUBSCRIBERS / (deliverMs / 1000) / rawBaseline.perSecond) * 100) / 100,
      smtpConnections: SMTP_CONNECTIONS,
      pacedRatePerSecond: PACED_RATE,
      pacedMeasuredPerSecond: Math.round(PACED_MESSAGES / (pacedMs / 1000)),
      peakRssMegabytesBeforeCampaign: rssBeforeCampaign,
      peakRssMegabytesDuringEnqueue: afterEnqueue.rssMb,
      peakRssMegabytes: peak.rssMb,
      sinkPeakRssMegabytes: sinkPeakRssMb,
      peakHeapMegabytes: peak.heapMb,
    });
    console.log(`BENCH mail campaign: ${JSON.stringify(results)}`);
    const beside = (label: string, value: number, unit: string, goal: string, isMet: boolean) => `BENCH ${label}: ${value} ${unit} (goal ${goal} ${unit}) ${isMet ? 'met' : 'MISSED'}`;
    console.log(
      [
        beside(`enqueue of ${SUBSCRIBERS} messages`, Math.round(enqueueMs), 'ms', `≤ ${GOALS.enqueueMs}`, enqueueMs <= GOALS.enqueueMs),
        beside('delivery to a local SMTP server', results.deliveredPerSecond as number, 'messages/s', `≥ ${GOALS.deliveredPerSecond}`, (results.deliveredPerSecond as number) >= GOALS.deliveredPerSecond),
        `BENCH delivery beside nodemailer alone sending the same message over the same pool (no database): ${results.deliveredPerSecond} vs ${baseline.perSecond} messages/s, ratio ${results.deliveredRatioToBareNodemailer}; nodemailer alone spends ${baseline.cpuMsPerMessage} ms of CPU a message`,
        `BENCH delivery beside nodemailer alone sending that message already composed (raw, no MIME work; the transport's own floor): ${results.deliveredPerSecond} vs ${rawBaseline.perSecond} messages/s, ratio ${results.deliveredRatioToBareNodemailerComposed}; ${rawBaseline.cpuMsPerMessage} ms of CPU a message`,
        `BENCH delivery, CPU of the sending process: ${results.deliverCpuMsPerMessage} ms a message, ${results.deliveredPerCpuSecond} messages per CPU-second (machine load ${results.loadAverageDuringRun} on ${os.cpus().length} cores)`,
        beside('outbox on disk (rows, indexes, shared bodies)', results.outboxMegabytes as number, 'MB', `≤ ${GOALS.outboxMegabytes}`, (results.outboxMegabytes as number) <= GOALS.outboxMegabytes),
        beside('peak memory of the sending process (RSS; the SMTP server is its own process)', peak.rssMb, 'MB', `≤ ${GOALS.peakRssMegabytes}`, peak.rssMb <= GOALS.peakRssMegabytes),
      ].join('\n'),
    );
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

/**
 * Nodemailer's pooled transport alone, sending reader 1's copy of the campaign's shared body to
 * distinct addresses: composed by nodemailer for each message, or (`composed`) built once by
 * nodemailer and handed over raw, which leaves it only the sending.
 */
async function bareNodemailerRate({ smtpUrl, connections, count, composed = false }: { smtpUrl: string; connections: number; count: number; composed?: boolean }): Promise<{ perSecond: number; cpuMsPerMessage: number }> {
  const body = getDb().select().from(mailBodies).get()!;
  const message = mailFromSharedBody({ body, subscriberId: 1 });
  const options = { from: 'Masthead <news@example.org>', to: { name: 'A Reader', address: 'baseline@bench.example.org' }, subject: message.subject, text: message.text, html: message.html ?? undefined, headers: message.headers };
  const raw = composed ? await new MailComposer(options).compile().build() : null;
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: connections, maxMessages: 1000 } as SMTPPool.Options);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let start = 0; start < count; start += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - start) }, (_, offset) =>
        transport.sendMail(
          raw
            ? { raw, envelope: { from: 'news@example.org', to: `baseline${start + offset}@bench.example.org` }, messageId: `<baseline.${start + offset}@bench.example.org>` }
            : { ...options, to: { name: 'A Reader', address: `baseline${start + offset}@bench.example.org` } },
        ),
      ),
    );
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  transport.close();
  return { perSecond: Math.round(count / (ms / 1000)), cpuMsPerMessage: Math.round(((cpu.user + cpu.system) / 1000 / count) * 1000) / 1000 };
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
