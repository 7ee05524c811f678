import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';

/** How many of a staff member's notifications are unread (for the desk's Inbox link). */
export function countUnreadNotifications(userId: number): number {
  return getDb()
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .get()!.value;
}
