import 'server-only';
import { getDb } from '@/db/client';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCanManageContributors } from './can-manage-contributors';
import { loadGuestContributor } from './load-guest-contributor';

export type GuestContributorForEdit = { id: number; name: string; slug: string; affiliation: string; bio: string; isPending: boolean };

/** One guest contributor, for the edit form. Editors and admins. */
export function getGuestContributor({ actor, id }: { actor: StaffIdentity; id: number }): GuestContributorForEdit {
  assertCanManageContributors(actor.role);
  const { name, slug, affiliation, bio, reviewStatus } = loadGuestContributor(getDb(), id);
  return { id, name, slug, affiliation, bio, isPending: reviewStatus === 'pending' };
}
