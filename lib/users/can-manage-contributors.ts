import 'server-only';
import type { StaffRole } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/policy';

// The policy table has no action for bylines yet; editors run bylines day to day, so they and admins may.
const CONTRIBUTOR_MANAGERS: readonly StaffRole[] = ['editor', 'admin'];

/** Whether this role may add and edit guest contributors. */
export function canManageContributors(role: StaffRole): boolean {
  return CONTRIBUTOR_MANAGERS.includes(role);
}

export function assertCanManageContributors(role: StaffRole): void {
  if (!canManageContributors(role)) throw new ForbiddenError('Only editors and administrators can add or change guest contributors.');
}
