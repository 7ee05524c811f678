import 'server-only';
import { asc, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { contributors } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { toBylineContributor, type BylineContributor } from './byline-contributor';
import { assertCanReviewContributors } from './can-review-contributors';

/** Every contributor a guest could be merged into, staff bylines included, by name. */
export function listMergeTargets({ actor, exceptId }: { actor: StaffIdentity; exceptId: number }): BylineContributor[] {
  assertCanReviewContributors(actor.role);
  return getDb()
    .select({ id: contributors.id, name: contributors.name, userId: contributors.userId, reviewStatus: contributors.reviewStatus })
    .from(contributors)
    .where(ne(contributors.id, exceptId))
    .orderBy(asc(contributors.name))
    .all()
    .map(toBylineContributor);
}
