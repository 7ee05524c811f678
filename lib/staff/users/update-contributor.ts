import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { contributors } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCanManageContributors } from './can-manage-contributors';
import { contributorInputSchema } from './contributor-input-schema';
import { SLUG_TAKEN_MESSAGE } from './create-contributor';
import { fieldErrorsFrom } from './field-errors-from';
import { loadGuestContributor } from './load-guest-contributor';
import type { UserWriteResult } from './user-write-result';

/** Changes a guest contributor's name, slug, affiliation or biography. Editors and admins. */
export function updateContributor({ actor, id, input }: { actor: StaffIdentity; id: number; input: unknown }): UserWriteResult<{ slug: string }> {
  assertCanManageContributors(actor.role);
  const parsed = contributorInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { name, affiliation, bio } = parsed.data;
  return getDb().transaction((tx): UserWriteResult<{ slug: string }> => {
    const current = loadGuestContributor(tx, id);
    const slug = parsed.data.slug || current.slug;
    if (tx.select({ id: contributors.id }).from(contributors).where(and(eq(contributors.slug, slug), ne(contributors.id, id))).get()) {
      return { ok: false, error: SLUG_TAKEN_MESSAGE, fieldErrors: { slug: SLUG_TAKEN_MESSAGE } };
    }
    tx.update(contributors).set({ name, slug, affiliation, bio }).where(eq(contributors.id, id)).run();
    const next = { name, slug, affiliation, bio };
    const changed: Record<string, { from: string; to: string }> = {};
    for (const field of ['name', 'slug', 'affiliation', 'bio'] as const) {
      if (current[field] !== next[field]) changed[field] = { from: current[field], to: next[field] };
    }
    recordAudit(tx, { actorId: actor.id, action: 'contributor.update', subjectType: 'contributor', subjectId: id, note: name, data: changed });
    return { ok: true, slug };
  });
}
