import 'server-only';
import { and, count, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';

/** Active administrators other than this user: a change that leaves none would lock everyone out of staff and settings. */
export function countOtherActiveAdmins(db: Pick<Db, 'select'>, userId: number): number {
  return (
    db
      .select({ value: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.isActive, true), ne(users.id, userId)))
      .get()?.value ?? 0
  );
}
