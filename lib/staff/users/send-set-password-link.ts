import 'server-only';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { findPendingInvites } from './find-pending-invites';
import { issueSetPasswordLink } from './issue-set-password-link';
import { loadStaffUser } from './load-staff-user';
import type { UserWriteResult } from './user-write-result';

/**
 * Emails a staff member a new set-password link: a fresh invitation for someone who has not
 * started yet, a password reset for everyone else. Earlier links stop working. Admins only.
 */
export function sendSetPasswordLink({ actor, userId }: { actor: StaffIdentity; userId: number }): UserWriteResult<{ expiresAt: Date; purpose: 'invite' | 'reset' }> {
  assertCan({ role: actor.role, action: 'user.manage' });
  return getDb().transaction((tx): UserWriteResult<{ expiresAt: Date; purpose: 'invite' | 'reset' }> => {
    const user = loadStaffUser(tx, userId);
    if (!user.isActive) return { ok: false, error: `${user.name}'s account is disabled; enable it before sending a link.` };
    const purpose = findPendingInvites(tx, { userIds: [user.id] }).has(user.id) ? 'invite' : 'reset';
    const { expiresAt } = issueSetPasswordLink(tx, { user, actor, purpose });
    recordAudit(tx, {
      actorId: actor.id,
      action: purpose === 'invite' ? 'user.invite' : 'user.password-link',
      subjectType: 'user',
      subjectId: user.id,
      note: purpose === 'invite' ? `Sent ${user.name} a new invitation` : `Sent ${user.name} a set-password link`,
      data: purpose === 'invite' ? { role: user.role, isReinvite: true } : undefined,
    });
    return { ok: true, expiresAt, purpose };
  });
}
