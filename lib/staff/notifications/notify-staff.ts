import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notifications, users, type NotificationKind } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { enqueueMail } from '@/lib/readers/mail/enqueue-mail';

export type StaffNotice = {
  /** Who hears of it; the actor is left out (nobody is told of their own doing), as are disabled accounts. */
  userIds: number[];
  kind: NotificationKind;
  actorId: number | null;
  articleId?: number | null;
  noteId?: number | null;
  /** One line, e.g. `Ana Ruiz submitted "Treaty at 50" for review.` */
  message: string;
  /** A longer plain-text body for the email; defaults to the message. */
  detail?: string;
};

/**
 * Writes a desk-inbox notification for each recipient and queues the same news as an email
 * through the outbox, in the caller's transaction. Returns the recipients actually notified.
 */
export function notifyStaff(db: Pick<Db, 'insert' | 'select'>, notice: StaffNotice): number[] {
  const wanted = [...new Set(notice.userIds)].filter((id) => id !== notice.actorId);
  if (wanted.length === 0) return [];
  const recipients = db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.id, wanted), eq(users.isActive, true)))
    .all();
  const { siteUrl } = getConfig();
  const link = notice.articleId ? `${siteUrl}/desk/articles/${notice.articleId}` : `${siteUrl}/desk/inbox`;
  for (const recipient of recipients) {
    const row = db
      .insert(notifications)
      .values({
        userId: recipient.id,
        kind: notice.kind,
        actorId: notice.actorId,
        articleId: notice.articleId ?? null,
        noteId: notice.noteId ?? null,
        message: notice.message,
      })
      .returning({ id: notifications.id })
      .get();
    enqueueMail(
      {
        dedupeKey: `notification:${row.id}`,
        kind: `staff.${notice.kind}`,
        to: recipient.email,
        subject: notice.message.length > 120 ? `${notice.message.slice(0, 117)}…` : notice.message,
        text: `${notice.detail ?? notice.message}\n\nOpen it in the desk: ${link}\n\nYou get these emails because you are on the Masthead desk; your inbox at ${siteUrl}/desk/inbox lists them too.\n`,
      },
      db,
    );
  }
  return recipients.map((recipient) => recipient.id);
}

/** Active editors and admins: who hears of submissions. */
export function editorIds(db: Pick<Db, 'select'>): number[] {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['editor', 'admin']), eq(users.isActive, true)))
    .all()
    .map((row) => row.id);
}
