import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { preparedQuery } from '@/db/prepared-query';
import { users, type User } from '@/db/schema';

/** A staff account as stored now, read on every desk request and every streamed change: prepared once. */
export function readStaffUser(id: number): User | undefined {
  const query = preparedQuery('staff-user-by-id', (db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());
  return query.get({ id });
}
