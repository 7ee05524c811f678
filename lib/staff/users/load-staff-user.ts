import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, type User } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

/** A staff account by id, or NotFound with a sentence the admin can act on. */
export function loadStaffUser(db: Pick<Db, 'select'>, userId: number): User {
  const user = Number.isInteger(userId) && userId > 0 ? db.select().from(users).where(eq(users.id, userId)).get() : undefined;
  if (!user) throw new NotFoundError('That staff account does not exist; reload the staff list.');
  return user;
}
