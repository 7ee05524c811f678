import 'server-only';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { campaigns, mailBodies, outbox, subscribers, type OutboxMessage } from '@/db/schema';
import { getConfig, type MailConfig } from '@/lib/platform/config/get-config';
import { classifySendFailure } from './send-failure';
import { retryDelayMs } from './retry-delay';
import { composeSharedMessages, type ReaderMessage, type SharedMessageReader } from './shared-body';
import { getSmtpTransport, type GatedMail } from './smtp-transport';

export const UNKNOWN_OUTCOME_NOTE =
  'The worker stopped while the mail server was taking this message; it was probably delivered, so it is not sent again.';

type ClaimedRow = Pick<OutboxMessage, 'id' | 'toAddress' | 'subject' | 'text' | 'html' | 'headers' | 'campaignId' | 'subscriberId' | 'bodyId' | 'attempts'>;
/** A claimed message as it goes out: a shared body is composed for its reader, who is named in To. */
type Claimed = ClaimedRow & { toName: string; compose: ((reader: SharedMessageReader) => ReaderMessage) | null };
/** The shared bodies met so far in this delivery step, each composed once. */
type Bodies = Map<number, (reader: SharedMessageReader) => ReaderMessage>;
/** What became of one send: sent, settled otherwise (failed or to be retried), or left to another worker. */
type Outcome = 'sent' | 'settled' | 'taken';

type SendMail = (mail: GatedMail) => Promise<unknown>;

/**
 * The worker's delivery step: hands due outbox messages to the SMTP server until none are due or
 * `budgetMs` has passed, and returns how many it settled. Without SMTP_URL it does nothing — the
 * outbox is then the mailbox the desk shows. How a crash is survived is in docs/adr/009.
 */
export async function deliverOutbox({
  budgetMs = 4_000,
  now = () => Date.now(),
  sendMail,
}: { budgetMs?: number; now?: () => number; sendMail?: SendMail } = {}): Promise<number> {
  const { smtpUrl, mail } = getConfig();
  if (!smtpUrl && !sendMail) return 0;
  const send: SendMail = sendMail ?? ((message) => getSmtpTransport({ smtpUrl: smtpUrl!, mail }).sendMail(message));
  const host = mail.from.match(/@([^>\s]+)/)?.[1] ?? 'localhost.localdomain';
  const batchSize = Math.max(1, Math.min(500, Math.ceil(mail.ratePerSecond * 2)));
  const started = now();
  let settled = settleUnknownOutcomes({ now: now() });
  const bodies: Bodies = new Map();
  while (now() - started < budgetMs) {
    const claim = claimDue({ size: batchSize, now: now(), mail, bodies });
    settled += claim.dropped;
    if (claim.messages.length === 0 && claim.dropped === 0) break;
    const outcomes = await Promise.all(claim.messages.map((message) => deliverOne({ message, send, host, mail, now })));
    clearBounces({ messages: claim.messages.filter((_, index) => outcomes[index] === 'sent') });
    settled += outcomes.filter((outcome) => outcome !== 'taken').length;
  }
  return settled;
}

/**
 * Messages whose hand-over began but whose lease ran out without an answer: their worker died. A
 * campaign message counts as sent (at most once: the reader may not get two); any other message,
 * such as a sign-in link, is sent again (at least once: a lost link is worse than a second one).
 */
export function settleUnknownOutcomes({ now }: { now: number }): number {
  const db = getDb();
  const expired = and(eq(outbox.status, 'pending'), isNotNull(outbox.sentAt), lt(outbox.nextAttemptAt, new Date(now)));
  const assumed = db
    .update(outbox)
    .set({ status: 'sent', lastError: UNKNOWN_OUTCOME_NOTE, nextAttemptAt: null })
    .where(and(expired, isNotNull(outbox.campaignId)))
    .run().changes;
  const retried = db
    .update(outbox)
    .set({ sentAt: null, lastError: 'The worker stopped while handing this message over; it is sent again.' })
    .where(and(expired, isNull(outbox.campaignId)))
    .run().changes;
  return assumed + retried;
}

/**
 * Takes up to `size` due messages for this worker: each one's attempt count goes up and its
 * `nextAttemptAt` becomes the end of a lease. Single messages (confirmations, sign-in links, staff
 * mail) go before campaign mail. Campaign messages to readers who have since unsubscribed, paused
 * or bounced are dropped here rather than sent.
 */
function claimDue({ size, now, mail, bodies }: { size: number; now: number; mail: MailConfig; bodies: Bodies }): { messages: Claimed[]; dropped: number } {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const isDue = and(eq(outbox.status, 'pending'), isNull(outbox.sentAt), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, new Date(now))));
      const columns = {
        id: outbox.id,
        toAddress: outbox.toAddress,
        subject: outbox.subject,
        text: outbox.text,
        html: outbox.html,
        headers: outbox.headers,
        campaignId: outbox.campaignId,
        subscriberId: outbox.subscriberId,
        bodyId: outbox.bodyId,
        attempts: outbox.attempts,
      };
      const single = tx.select(columns).from(outbox).where(and(isDue, isNull(outbox.campaignId))).orderBy(asc(outbox.id)).limit(size).all();
      // Campaign by campaign, oldest first: `campaign_id = ? and status = 'pending'` walks the outbox_campaign index in id order, with no sort.
      const many: ClaimedRow[] = [];
      const active = single.length < size ? tx.select({ id: campaigns.id }).from(campaigns).where(inArray(campaigns.status, ['expanding', 'sending', 'cancelled'])).orderBy(asc(campaigns.id)).all() : [];
      for (const campaign of active) {
        if (single.length + many.length >= size) break;
        many.push(...tx.select(columns).from(outbox).where(and(isDue, eq(outbox.campaignId, campaign.id))).orderBy(asc(outbox.id)).limit(size - single.length - many.length).all());
      }
      const rows = [...single, ...many];
      if (rows.length === 0) return { messages: [], dropped: 0 };

      // A staff test send has no subscriber; every other campaign message, and every message on a shared body, goes only to a reader who still wants it.
      const isForReader = (row: ClaimedRow) => row.campaignId !== null || row.bodyId !== null;
      const readerIds = [...new Set(rows.filter(isForReader).map((row) => row.subscriberId).filter((id): id is number => id !== null))];
      const eligible = new Map(
        readerIds.length === 0
          ? []
          : tx
              .select({ id: subscribers.id, name: subscribers.name })
              .from(subscribers)
              .where(and(inArray(subscribers.id, readerIds), eq(subscribers.status, 'confirmed'), eq(subscribers.isPaused, false)))
              .all()
              .map((row) => [row.id, row.name]),
      );
      const isWanted = (row: ClaimedRow) => !isForReader(row) || (row.subscriberId === null ? row.bodyId === null : eligible.has(row.subscriberId));
      const dropped = rows.filter((row) => !isWanted(row));
      if (dropped.length > 0) {
        tx.update(outbox)
          .set({ status: 'failed', lastError: 'Not sent: the reader unsubscribed, paused their email or stopped receiving mail before it went out.' })
          .where(inArray(outbox.id, dropped.map((row) => row.id)))
          .run();
      }
      const messages = rows.filter(isWanted);
      if (messages.length > 0) {
        tx.update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now + mail.leaseSeconds * 1000) })
          .where(inArray(outbox.id, messages.map((row) => row.id)))
          .run();
      }
      const missingBodies = [...new Set(messages.map((row) => row.bodyId).filter((id): id is number => id !== null && !bodies.has(id)))];
      if (missingBodies.length > 0) {
        for (const body of tx.select({ id: mailBodies.id, subject: mailBodies.subject, text: mailBodies.text, html: mailBodies.html }).from(mailBodies).where(inArray(mailBodies.id, missingBodies)).all()) bodies.set(body.id, composeSharedMessages({ body, from: mail.from }));
      }
      return {
        messages: messages.map((row) => ({
          ...row,
          compose: row.bodyId !== null ? bodies.get(row.bodyId)! : null,
          attempts: row.attempts + 1,
          toName: row.subscriberId === null ? '' : (eligible.get(row.subscriberId) ?? ''),
        })),
        dropped: dropped.length,
      };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Sends one claimed message and records what became of it: 'sent' once the server took it (its
 * reader's bounce count is reset with the rest of the batch), 'settled' for any other outcome, and
 * 'taken' when another worker owns it now.
 */
async function deliverOne({ message, send, host, mail, now }: { message: Claimed; send: SendMail; host: string; mail: MailConfig; now: () => number }): Promise<Outcome> {
  let wasHandedOver = false;
  // The same Message-ID on every attempt, so a receiving system can recognise a repeat.
  const messageId = `<masthead.outbox.${message.id}@${host}>`;
  const to = message.toName ? { name: message.toName, address: message.toAddress } : message.toAddress;
  try {
    await send({
      // A shared body arrives whole from its composer, so nodemailer only streams it out.
      ...(message.compose && message.subscriberId !== null
        ? // The Message-ID given again: nodemailer otherwise draws a random one of its own for a raw message, unused.
          { ...message.compose({ subscriberId: message.subscriberId, name: message.toName, address: message.toAddress, messageId, date: new Date(now()) }), messageId }
        : { from: mail.from, to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}), headers: message.headers, messageId }),
      handOverCheck: () => {
        // Recorded before the end-of-data mark is sent; only the worker holding the current claim may send it.
        const taken = preparedQuery('outbox-hand-over', (db) =>
          db
            .update(outbox)
            .set({ sentAt: sql`${sql.placeholder('at')}` })
            .where(and(eq(outbox.id, sql.placeholder('id')), eq(outbox.attempts, sql.placeholder('attempts')), eq(outbox.status, 'pending'), isNull(outbox.sentAt)))
            .prepare(),
        ).run({ id: message.id, attempts: message.attempts, at: now() }).changes;
        if (taken === 0) throw new Error('This message is being delivered by another worker.');
        wasHandedOver = true;
      },
    });
  } catch (error) {
    if (!wasHandedOver && error instanceof Error && /another worker/.test(error.message)) return 'taken';
    recordFailure({ message, failure: classifySendFailure({ error, wasHandedOver }), mail, now: now() });
    return 'settled';
  }
  // Prepared once per connection: this runs for every message of a campaign. Recorded at once, so a
  // worker stopped later leaves only the message in hand with an unknown outcome.
  preparedQuery('outbox-mark-sent', (db) =>
    db
      .update(outbox)
      .set({ status: 'sent', sentAt: sql`${sql.placeholder('at')}`, lastError: null, nextAttemptAt: null })
      .where(and(eq(outbox.id, sql.placeholder('id')), eq(outbox.attempts, sql.placeholder('attempts')), eq(outbox.status, 'pending')))
      .prepare(),
  ).run({ id: message.id, attempts: message.attempts, at: now() });
  return 'sent';
}

/** A delivered message ends its reader's run of permanent failures: their bounce counts go back to zero, for a whole batch in one transaction. */
function clearBounces({ messages }: { messages: Claimed[] }): void {
  const readers = messages.map((message) => message.subscriberId).filter((id): id is number => id !== null);
  if (readers.length === 0) return;
  getDb().transaction(
    () => {
      const clear = preparedQuery('subscriber-clear-bounces', (db) =>
        db
          .update(subscribers)
          .set({ bounceCount: 0 })
          .where(and(eq(subscribers.id, sql.placeholder('id')), gt(subscribers.bounceCount, 0)))
          .prepare(),
      );
      for (const id of readers) clear.run({ id });
    },
    { behavior: 'immediate' },
  );
}

function recordFailure({ message, failure, mail, now }: { message: Claimed; failure: ReturnType<typeof classifySendFailure>; mail: MailConfig; now: number }): void {
  const db = getDb();
  const isMine = and(eq(outbox.id, message.id), eq(outbox.attempts, message.attempts), eq(outbox.status, 'pending'));
  db.transaction(
    (tx) => {
      if (failure.kind === 'unknown' && message.campaignId !== null) {
        tx.update(outbox).set({ status: 'sent', lastError: `${UNKNOWN_OUTCOME_NOTE} (${failure.reason})`, nextAttemptAt: null }).where(isMine).run();
        return;
      }
      if (failure.kind === 'permanent') {
        tx.update(outbox).set({ status: 'failed', sentAt: null, lastError: failure.reason, nextAttemptAt: null }).where(isMine).run();
        if (message.subscriberId !== null) countBounce(tx, { subscriberId: message.subscriberId, limit: mail.bounceLimit, now });
        return;
      }
      const isLastAttempt = message.attempts >= mail.maxAttempts;
      tx.update(outbox)
        .set(
          isLastAttempt
            ? { status: 'failed', sentAt: null, lastError: `Gave up after ${message.attempts} attempts: ${failure.reason}`, nextAttemptAt: null }
            : { sentAt: null, lastError: failure.reason, nextAttemptAt: new Date(now + retryDelayMs({ attempts: message.attempts })) },
        )
        .where(isMine)
        .run();
    },
    { behavior: 'immediate' },
  );
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

/** One more permanent failure in a row; at the limit the address is marked bounced and gets no more mail. */
function countBounce(tx: Tx, { subscriberId, limit, now }: { subscriberId: number; limit: number; now: number }): void {
  tx.update(subscribers).set({ bounceCount: sql`${subscribers.bounceCount} + 1`, updatedAt: new Date(now) }).where(eq(subscribers.id, subscriberId)).run();
  tx.update(subscribers)
    .set({ status: 'bounced' })
    .where(and(eq(subscribers.id, subscriberId), sql`${subscribers.bounceCount} >= ${limit}`, inArray(subscribers.status, ['pending', 'confirmed'])))
    .run();
}
