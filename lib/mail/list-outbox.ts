import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { outbox, OUTBOX_STATUSES, type OutboxStatus } from '@/db/schema';
import type { StaffIdentity } from '@/lib/auth/authenticate-staff';
import { assertCan, can } from '@/lib/auth/policy';
import { SET_PASSWORD_MAIL_KINDS } from '@/lib/users/issue-set-password-link';

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
  /** The plain-text body; null when this reader may not see it (a set-password link is a key to an account). */
  text: string | null;
  /** The HTML body, when the message has one; hidden like the text. Show it only in a sandboxed frame. */
  html: string | null;
  headers: Record<string, string>;
};

export type OutboxPage = { messages: OutboxListRow[]; nextBefore: number | null };

/**
 * Mail the site has queued or sent, newest first, optionally of one status, paged by id. Editors and
 * admins ('mail.view'); only those who manage staff read the text of set-password emails, since an
 * editor holding an admin's invitation link could take that account.
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
    })
    .from(outbox)
    .where(and(statusFilter ? eq(outbox.status, statusFilter) : undefined, before && Number.isInteger(before) && before > 0 ? lt(outbox.id, before) : undefined))
    .orderBy(desc(outbox.id))
    .limit(size + 1)
    .all();
  const page = rows.slice(0, size);
  const canReadLinks = can({ role: actor.role, action: 'user.manage' });
  const hiddenKinds: readonly string[] = SET_PASSWORD_MAIL_KINDS;
  return {
    messages: page.map((row) => {
      const isVisible = canReadLinks || !hiddenKinds.includes(row.kind);
      return { ...row, text: isVisible ? row.text : null, html: isVisible ? row.html : null };
    }),
    nextBefore: rows.length > size ? page[page.length - 1]!.id : null,
  };
}
