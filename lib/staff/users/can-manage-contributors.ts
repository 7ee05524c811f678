import 'server-only';
import type { StaffRole } from '@/db/schema';
import { can, ForbiddenError } from '@/lib/staff/auth/policy';

/** Whether this role may add and edit guest contributors (bylines without a sign-in). */
export function canManageContributors(role: StaffRole): boolean {
  return can({ role, action: 'contributor.manage' });
}

export function assertCanManageContributors(role: StaffRole): void {
  if (!canManageContributors(role)) throw new ForbiddenError('Only editors and administrators can add or change guest contributors.');
}
