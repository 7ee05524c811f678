import type { ContributorReviewStatus } from '@/db/schema';

/** A contributor as the byline picker lists it. */
export type BylineContributor = { id: number; name: string; isStaff: boolean; isPending: boolean };

export function toBylineContributor(row: { id: number; name: string; userId: number | null; reviewStatus: ContributorReviewStatus }): BylineContributor {
  return { id: row.id, name: row.name, isStaff: row.userId !== null, isPending: row.reviewStatus === 'pending' };
}
