import 'server-only';
import { getDb } from '@/db/client';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCanManageContributors } from './can-manage-contributors';
import { loadGuestContributor } from './load-guest-contributor';

export type GuestContributorForEdit = { id: number; name: string; slug: string; bio: string };

/** One guest contributor, for the edit form. Editors and admins. */
export function getGuestContributor({ actor, id }: { actor: StaffIdentity; id: number }): GuestContributorForEdit {
  assertCanManageContributors(actor.role);
  const { name, slug, bio } = loadGuestContributor(getDb(), id);
  return { id, name, slug, bio };
}
