import 'server-only';
import { asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, contributors, users } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCanManageContributors } from './can-manage-contributors';

export type GuestContributorRow = {
  id: number;
  name: string;
  slug: string;
  affiliation: string;
  bio: string;
  articleCount: number;
  isPending: boolean;
  addedByName: string | null;
  addedAt: Date;
};

/** Bylines without an account: those awaiting review first, then by name, with how many articles carry each. Editors and admins. */
export function listGuestContributors({ actor }: { actor: StaffIdentity }): GuestContributorRow[] {
  assertCanManageContributors(actor.role);
  return getDb()
    .select({
      id: contributors.id,
      name: contributors.name,
      slug: contributors.slug,
      affiliation: contributors.affiliation,
      bio: contributors.bio,
      articleCount: sql<number>`(select count(*) from ${articleAuthors} where ${articleAuthors.contributorId} = ${contributors.id})`,
      isPending: sql<boolean>`${contributors.reviewStatus} = 'pending'`.mapWith(Boolean),
      addedByName: users.name,
      addedAt: contributors.createdAt,
    })
    .from(contributors)
    .leftJoin(users, eq(users.id, contributors.addedBy))
    .where(isNull(contributors.userId))
    .orderBy(desc(sql`${contributors.reviewStatus} = 'pending'`), asc(sql`${contributors.name} collate nocase`), asc(contributors.id))
    .all();
}
