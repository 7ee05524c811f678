import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type StaffRole } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';

export type DirectoryEntry = { id: number; name: string; role: StaffRole };

const LIMIT = 8;

/**
 * Active colleagues whose name contains the query (any case), for the note mention picker.
 * Every signed-in staff member may look; names and roles only, never addresses.
 */
export function searchStaffDirectory({ actor, query }: { actor: StaffIdentity; query: string }): DirectoryEntry[] {
  const words = query.trim().slice(0, 100);
  const pattern = `%${words.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.isActive, true), words === '' ? undefined : sql`${users.name} like ${pattern} escape '\\'`))
    .orderBy(asc(users.name))
    .limit(LIMIT + 1)
    .all()
    .filter((entry) => entry.id !== actor.id)
    .slice(0, LIMIT);
}
