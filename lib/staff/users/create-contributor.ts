import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { contributors } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCanManageContributors } from './can-manage-contributors';
import { contributorInputSchema } from './contributor-input-schema';
import { fieldErrorsFrom } from './field-errors-from';
import { uniqueContributorSlug } from './unique-contributor-slug';
import type { UserWriteResult } from './user-write-result';

export const SLUG_TAKEN_MESSAGE = 'Another contributor already has that slug; choose another.';

/** Adds a guest contributor: a byline with no account, who never signs in. Editors and admins. */
export function createContributor({ actor, input }: { actor: StaffIdentity; input: unknown }): UserWriteResult<{ id: number; slug: string }> {
  assertCanManageContributors(actor.role);
  const parsed = contributorInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { name, affiliation, bio } = parsed.data;
  return getDb().transaction((tx): UserWriteResult<{ id: number; slug: string }> => {
    const slug = parsed.data.slug || uniqueContributorSlug(tx, { name });
    if (tx.select({ id: contributors.id }).from(contributors).where(eq(contributors.slug, slug)).get()) {
      return { ok: false, error: SLUG_TAKEN_MESSAGE, fieldErrors: { slug: SLUG_TAKEN_MESSAGE } };
    }
    const row = tx.insert(contributors).values({ name, slug, affiliation, bio, addedBy: actor.id, userId: null }).returning({ id: contributors.id }).get();
    recordAudit(tx, { actorId: actor.id, action: 'contributor.create', subjectType: 'contributor', subjectId: row.id, note: name, data: { slug } });
    return { ok: true, id: row.id, slug };
  });
}
