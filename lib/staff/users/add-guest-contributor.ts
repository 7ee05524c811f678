import 'server-only';
import { getDb } from '@/db/client';
import { contributors } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import type { BylineContributor } from './byline-contributor';
import { guestContributorSchema } from './contributor-input-schema';
import { fieldErrorsFrom } from './field-errors-from';
import { findContributorByName } from './find-contributor-by-name';
import { uniqueContributorSlug } from './unique-contributor-slug';

export type AddGuestResult =
  | { ok: true; contributor: BylineContributor }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; existing?: BylineContributor };

/** Adds a guest named in a byline, awaiting an editor's review; a name already known is offered back instead of a twin. */
export function addGuestContributor({ actor, input }: { actor: StaffIdentity; input: unknown }): AddGuestResult {
  assertCan({ role: actor.role, action: 'contributor.add-guest' });
  const parsed = guestContributorSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { name, affiliation } = parsed.data;
  return getDb().transaction((tx): AddGuestResult => {
    const existing = findContributorByName(tx, name);
    if (existing) {
      return {
        ok: false,
        error: `${existing.name} is already a contributor; add them to the byline instead.`,
        fieldErrors: { name: `${existing.name} is already a contributor.` },
        existing,
      };
    }
    const slug = uniqueContributorSlug(tx, { name });
    const row = tx
      .insert(contributors)
      .values({ name, slug, affiliation, reviewStatus: 'pending', addedBy: actor.id, userId: null })
      .returning({ id: contributors.id })
      .get();
    recordAudit(tx, { actorId: actor.id, action: 'contributor.add-guest', subjectType: 'contributor', subjectId: row.id, note: name, data: { slug, affiliation } });
    return { ok: true, contributor: { id: row.id, name, isStaff: false, isPending: true } };
  });
}
