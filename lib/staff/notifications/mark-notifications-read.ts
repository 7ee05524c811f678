import 'server-only';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';

/**
 * Marks some of the staff member's notifications read (`ids`), or all of them. Ids of other
 * people's notifications are ignored, never touched. Returns how many are still unread.
 */
export function markNotificationsRead({ actor, ids }: { actor: StaffIdentity; ids: number[] | 'all' }): { unreadCount: number } {
  const db = getDb();
  if (ids === 'all' || ids.length > 0) {
    db.update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids)))
      .run();
  }
  const unread = db.select({ value: count() }).from(notifications).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt))).get();
  return { unreadCount: unread?.value ?? 0 };
}
