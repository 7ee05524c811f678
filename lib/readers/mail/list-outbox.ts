import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { mailBodies, outbox, OUTBOX_STATUSES, type OutboxStatus } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { redactSecretLinks, redactSecretLinksInHtml } from './redact-secret-links';
import { mailFromSharedBody } from './shared-body';

export const DEFAULT_OUTBOX_PAGE_SIZE = 50;
export const MAX_OUTBOX_PAGE_SIZE = 200;

export type OutboxListRow = {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
  /** The plain-text body, its secret links replaced by markers. */
  text: string;
  /** The HTML body, when the message has one, redacted like the text. Show it only in a sandboxed frame. */
  html: string | null;
  headers: Record<string, string>;
};

export type OutboxPage = { messages: OutboxListRow[]; nextBefore: number | null };

/**
 * Mail the site has queued or sent, newest first, optionally of one status, paged by id. Editors and
 * admins ('mail.view'). Every link that is a key (signing in, confirming, setting a password,
 * unsubscribing) is shown as a marker, to admins too: whoever reads it could act as its recipient.
 */
export function listOutbox({
  actor,
  status = null,
  before = null,
  limit = DEFAULT_OUTBOX_PAGE_SIZE,
}: {
  actor: StaffIdentity;
  status?: OutboxStatus | null;
  before?: number | null;
  limit?: number;
}): OutboxPage {
  assertCan({ role: actor.role, action: 'mail.view' });
  const size = Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_OUTBOX_PAGE_SIZE) : DEFAULT_OUTBOX_PAGE_SIZE;
  const statusFilter = OUTBOX_STATUSES.find((option) => option === status);
  const rows = getDb()
    .select({
      id: outbox.id,
      kind: outbox.kind,
      to: outbox.toAddress,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      nextAttemptAt: outbox.nextAttemptAt,
      text: outbox.text,
      html: outbox.html,
      headers: outbox.headers,
      subscriberId: outbox.subscriberId,
      body: { subject: mailBodies.subject, text: mailBodies.text, html: mailBodies.html },
    })
    .from(outbox)
    .leftJoin(mailBodies, eq(mailBodies.id, outbox.bodyId))
    .where(and(statusFilter ? eq(outbox.status, statusFilter) : undefined, before && Number.isInteger(before) && before > 0 ? lt(outbox.id, before) : undefined))
    .orderBy(desc(outbox.id))
    .limit(size + 1)
    .all();
  const page = rows.slice(0, size).map(({ body, subscriberId, ...row }) => (body ? { ...row, ...mailFromSharedBody({ body, subscriberId: subscriberId ?? 0 }) } : row));
  return {
    messages: page.map((row) => ({
      ...row,
      subject: redactSecretLinks(row.subject),
      text: redactSecretLinks(row.text),
      html: row.html === null ? null : redactSecretLinksInHtml(row.html),
      headers: Object.fromEntries(Object.entries(row.headers).map(([name, value]) => [name, redactSecretLinks(value)])),
    })),
    nextBefore: rows.length > size ? page[page.length - 1]!.id : null,
  };
}
