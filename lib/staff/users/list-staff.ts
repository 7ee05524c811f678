import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { contributors, users, type StaffRole } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { findPendingInvites, type PendingInvite } from './find-pending-invites';

export type StaffListRow = {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  isActive: boolean;
  isSelf: boolean;
  bylineSlug: string | null;
  /** Set while an invitee has not yet chosen a password. */
  invite: PendingInvite | null;
};

/** Every staff account, by name, for the admin's staff page. */
export function listStaff({ actor, now = new Date() }: { actor: StaffIdentity; now?: Date }): StaffListRow[] {
  assertCan({ role: actor.role, action: 'user.manage' });
  const db = getDb();
  const rows = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, isActive: users.isActive, bylineSlug: contributors.slug })
    .from(users)
    .leftJoin(contributors, eq(contributors.userId, users.id))
    .orderBy(asc(sql`${users.name} collate nocase`), asc(users.id))
    .all();
  const invites = findPendingInvites(db, { userIds: rows.map((row) => row.id), now });
  return rows.map((row) => ({ ...row, isSelf: row.id === actor.id, invite: invites.get(row.id) ?? null }));
}
