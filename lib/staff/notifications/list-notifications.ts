import 'server-only';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, notifications, users, type NotificationKind } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';

export type InboxItem = {
  id: number;
  kind: NotificationKind;
  message: string;
  articleId: number | null;
  articleTitle: string | null;
  noteId: number | null;
  /** Where it leads in the desk: the article, at the note when there is one. */
  href: string | null;
  actorName: string | null;
  createdAt: Date;
  isRead: boolean;
};

export type Inbox = { items: InboxItem[]; unreadCount: number; total: number };

export const INBOX_PAGE_SIZE = 100;

/** The signed-in staff member's own notifications, newest first, with how many are unread. */
export function listNotifications({ actor, limit = INBOX_PAGE_SIZE }: { actor: StaffIdentity; limit?: number }): Inbox {
  const db = getDb();
  const rows = db
    .select({ notification: notifications, articleTitle: articles.title, actorName: users.name })
    .from(notifications)
    .leftJoin(articles, eq(articles.id, notifications.articleId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.id))
    .limit(Math.min(Math.max(1, Math.trunc(limit)), 500))
    .all();
  const unreadCount = db.select({ value: count() }).from(notifications).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt))).get()?.value ?? 0;
  const total = db.select({ value: count() }).from(notifications).where(eq(notifications.userId, actor.id)).get()?.value ?? 0;
  return {
    items: rows.map(({ notification, articleTitle, actorName }) => ({
      id: notification.id,
      kind: notification.kind,
      message: notification.message,
      articleId: notification.articleId,
      articleTitle,
      noteId: notification.noteId,
      href: notification.articleId === null ? null : `/desk/articles/${notification.articleId}${notification.noteId === null ? '' : `#note-${notification.noteId}`}`,
      actorName,
      createdAt: notification.createdAt,
      isRead: notification.readAt !== null,
    })),
    unreadCount,
    total,
  };
}
