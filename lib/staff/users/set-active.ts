import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { countOtherActiveAdmins } from './count-other-active-admins';
import { expireOpenPasswordLinks } from './expire-open-password-links';
import { loadStaffUser } from './load-staff-user';
import type { UserWriteResult } from './user-write-result';

/**
 * Disables or enables a staff account. A disabled account is refused at sign-in and on its very
 * next request (getCurrentStaff re-reads the account every time), its sessions end for good and
 * its open set-password links stop working. Admins only; nobody disables themselves, and the last active admin stays.
 */
export function setActive({ actor, userId, isActive }: { actor: StaffIdentity; userId: number; isActive: boolean }): UserWriteResult<{ changed: boolean }> {
  assertCan({ role: actor.role, action: 'user.manage' });
  return getDb().transaction((tx): UserWriteResult<{ changed: boolean }> => {
    const user = loadStaffUser(tx, userId);
    if (user.id === actor.id && !isActive) return { ok: false, error: 'You cannot disable your own account; ask another administrator to do it.' };
    if (user.isActive === isActive) return { ok: true, changed: false };
    if (!isActive && user.role === 'admin' && countOtherActiveAdmins(tx, user.id) === 0) {
      return { ok: false, error: `${user.name} is the last active administrator; make someone else an administrator first.` };
    }
    const now = new Date();
    // Disabling also ends every session for good: enabling later must not bring an old cookie back.
    tx.update(users)
      .set(isActive ? { isActive, updatedAt: now } : { isActive, updatedAt: now, sessionsValidAfter: now.getTime() })
      .where(eq(users.id, user.id))
      .run();
    if (!isActive) expireOpenPasswordLinks(tx, { userId: user.id, now });
    recordAudit(tx, {
      actorId: actor.id,
      action: isActive ? 'user.enable' : 'user.disable',
      subjectType: 'user',
      subjectId: user.id,
      note: `${isActive ? 'Enabled' : 'Disabled'} ${user.name}`,
    });
    return { ok: true, changed: true };
  });
}
