import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { STAFF_ROLES, users } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { countOtherActiveAdmins } from './count-other-active-admins';
import { loadStaffUser } from './load-staff-user';
import type { UserWriteResult } from './user-write-result';

const roleSchema = z.enum(STAFF_ROLES, { error: 'Choose a role: author, editor or admin.' });

/**
 * Gives a staff member another role; it applies from their next page, since every request re-reads
 * the account. Admins only; nobody changes their own role, and the last active admin stays one.
 */
export function changeRole({ actor, userId, role }: { actor: StaffIdentity; userId: number; role: unknown }): UserWriteResult<{ changed: boolean }> {
  assertCan({ role: actor.role, action: 'user.manage' });
  const parsed = roleSchema.safeParse(role);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message, fieldErrors: { role: parsed.error.issues[0]!.message } };
  const newRole = parsed.data;
  return getDb().transaction((tx): UserWriteResult<{ changed: boolean }> => {
    const user = loadStaffUser(tx, userId);
    if (user.id === actor.id) return { ok: false, error: 'You cannot change your own role; ask another administrator to do it.' };
    if (user.role === newRole) return { ok: true, changed: false };
    if (user.role === 'admin' && user.isActive && countOtherActiveAdmins(tx, user.id) === 0) {
      return { ok: false, error: `${user.name} is the last active administrator; make someone else an administrator first.` };
    }
    tx.update(users).set({ role: newRole, updatedAt: new Date() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: 'user.role',
      subjectType: 'user',
      subjectId: user.id,
      note: `${user.name}: ${user.role} → ${newRole}`,
      data: { from: user.role, to: newRole },
    });
    return { ok: true, changed: true };
  });
}
