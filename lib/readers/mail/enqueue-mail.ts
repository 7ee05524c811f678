import 'server-only';
import { outbox } from '@/db/schema';
import { getDb, type Db } from '@/db/client';

export type MailMessage = {
  /** Unique per message: queuing the same key again does nothing (a rerun never sends twice). */
  dedupeKey: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  /** The mailing this message belongs to, when it is one of many. */
  campaignId?: number | null;
  /** The reader it goes to, when it goes to one: delivery checks they still want it, and counts bounces. */
  subscriberId?: number | null;
};

/**
 * Puts a message in the outbox; the worker delivers it (or, without SMTP_URL, it stays there for
 * the desk to show). Pass the transaction when the message belongs to a change made in one, so the
 * message exists exactly when the change does. Returns whether a new row was written.
 */
export function enqueueMail(message: MailMessage, db: Pick<Db, 'insert'> = getDb()): boolean {
  const result = db
    .insert(outbox)
    .values({
      dedupeKey: message.dedupeKey,
      kind: message.kind,
      toAddress: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      headers: message.headers ?? {},
      campaignId: message.campaignId ?? null,
      subscriberId: message.subscriberId ?? null,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .run();
  return result.changes > 0;
}
