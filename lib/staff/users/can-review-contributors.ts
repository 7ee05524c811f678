import 'server-only';
import type { StaffRole } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { canManageContributors } from './can-manage-contributors';

export const REVIEW_REFUSAL = 'Only editors and administrators can approve, merge or delete guest contributors.';

/** Anyone may add a guest from the byline; only editors decide whether that guest stays. */
export function assertCanReviewContributors(role: StaffRole): void {
  if (!canManageContributors(role)) throw new ForbiddenError(REVIEW_REFUSAL);
}
