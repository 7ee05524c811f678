import { spawn, type ChildProcess } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { campaigns, outbox } from '@/db/schema';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createManyTestSubscribers } from '../factories/subscriber';
import { startSmtpSink, type SmtpSink } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';

const database = withTempDatabase();
const SUBSCRIBERS = 2_000;
const KILL_AT = [600, 1_400];

let sink: SmtpSink | null = null;
let worker: ChildProcess | null = null;

afterEach(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await sink?.close();
});

/**
 * What `npm run worker` runs, against the test's database and SMTP sink. Node itself with tsx's loader
 * rather than the tsx command, which would put a parent process between the test and the worker: a
 * SIGKILL must reach the worker.
 */
function startWorker(smtpUrl: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'lib/platform/jobs/run-worker.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_PATH: database.path(),
      SMTP_URL: smtpUrl,
      AUTH_SECRET: 'worker-crash-test-secret-worker-crash-test-secret',
      MAIL_RATE_PER_SECOND: '2000',
      MAIL_SMTP_CONNECTIONS: '1',
      MAIL_LEASE_SECONDS: '2',
      WORKER_INTERVAL_MS: '200',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('a worker killed in the middle of a campaign', () => {
  it('delivers exactly one message to each of 2,000 subscribers across two SIGKILLs and restarts', { timeout: 180_000 }, async () => {
    const section = createTestSection('News');
    const issue = createTestIssue({ status: 'published' });
    createTestArticle({ title: 'Lead story', sectionId: section, issueId: issue.id });
    createManyTestSubscribers({ count: SUBSCRIBERS });
    getDb().insert(campaigns).values({ kind: 'issue', issueId: issue.id, dedupeKey: `issue:${issue.id}` }).run();

    let kills = 0;
    let received = 0;
    const killed: Promise<void>[] = [];
    sink = await startSmtpSink({
      parse: false,
      // Killed while the server holds the whole message but has not yet said it took it: the worst moment.
      onMessageReceived: async () => {
        received += 1;
        if (kills < KILL_AT.length && received === KILL_AT[kills]) {
          kills += 1;
          const victim = worker!;
          victim.kill('SIGKILL');
          killed.push(exited(victim));
          await exited(victim);
        }
      },
    });

    worker = startWorker(sink.url);
    for (let round = 0; round < KILL_AT.length; round++) {
      await sink.waitFor(() => kills > round, 120_000);
      await Promise.all(killed);
      expect(worker.signalCode).toBe('SIGKILL');
      worker = startWorker(sink.url);
    }
    await sink.waitFor((messages) => new Set(messages.flatMap((message) => message.to)).size >= SUBSCRIBERS, 120_000);
    // Give a duplicate, if there were going to be one, the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const counts = sink.countByRecipient();
    expect(counts.size).toBe(SUBSCRIBERS);
    expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
    expect(sink.messages).toHaveLength(SUBSCRIBERS);
    const statuses = getDb().select({ status: outbox.status, count: sql<number>`count(*)` }).from(outbox).groupBy(outbox.status).all();
    expect(statuses).toEqual([{ status: 'sent', count: SUBSCRIBERS }]);
    // The message in hand at each kill is the one the worker could not know about: it is counted as sent, not resent.
    expect(getDb().select().from(outbox).where(sql`${outbox.lastError} is not null`).all()).toHaveLength(KILL_AT.length);
    await expect.poll(() => getDb().select().from(campaigns).where(eq(campaigns.issueId, issue.id)).get()!.status, { timeout: 10_000 }).toBe('done');
  });
});
