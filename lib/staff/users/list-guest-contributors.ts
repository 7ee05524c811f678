import 'server-only';
import { asc, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, contributors } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCanManageContributors } from './can-manage-contributors';

export type GuestContributorRow = { id: number; name: string; slug: string; bio: string; articleCount: number };

/** Bylines without an account, by name, with how many articles carry each. Editors and admins. */
export function listGuestContributors({ actor }: { actor: StaffIdentity }): GuestContributorRow[] {
  assertCanManageContributors(actor.role);
  return getDb()
    .select({
      id: contributors.id,
      name: contributors.name,
      slug: contributors.slug,
      bio: contributors.bio,
      articleCount: sql<number>`(select count(*) from ${articleAuthors} where ${articleAuthors.contributorId} = ${contributors.id})`,
    })
    .from(contributors)
    .where(isNull(contributors.userId))
    .orderBy(asc(sql`${contributors.name} collate nocase`), asc(contributors.id))
    .all();
}
