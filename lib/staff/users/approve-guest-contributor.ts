import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { contributors } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCanReviewContributors } from './can-review-contributors';
import { guestReviewSchema } from './contributor-input-schema';
import { SLUG_TAKEN_MESSAGE } from './create-contributor';
import { fieldErrorsFrom } from './field-errors-from';
import { loadGuestContributor } from './load-guest-contributor';
import type { UserWriteResult } from './user-write-result';

/** Accepts a guest, with the editor's corrections; from then on readers get their author page. Approving twice is harmless. */
export function approveGuestContributor({ actor, id, input }: { actor: StaffIdentity; id: number; input: unknown }): UserWriteResult<{ name: string; slug: string }> {
  assertCanReviewContributors(actor.role);
  const parsed = guestReviewSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { name, affiliation } = parsed.data;
  return getDb().transaction((tx): UserWriteResult<{ name: string; slug: string }> => {
    const current = loadGuestContributor(tx, id);
    const slug = parsed.data.slug || current.slug;
    if (tx.select({ id: contributors.id }).from(contributors).where(and(eq(contributors.slug, slug), ne(contributors.id, id))).get()) {
      return { ok: false, error: SLUG_TAKEN_MESSAGE, fieldErrors: { slug: SLUG_TAKEN_MESSAGE } };
    }
    tx.update(contributors).set({ name, affiliation, slug, reviewStatus: 'approved' }).where(eq(contributors.id, id)).run();
    const changed: Record<string, { from: string; to: string }> = {};
    const next = { name, affiliation, slug };
    for (const field of ['name', 'affiliation', 'slug'] as const) {
      if (current[field] !== next[field]) changed[field] = { from: current[field], to: next[field] };
    }
    recordAudit(tx, { actorId: actor.id, action: 'contributor.approve', subjectType: 'contributor', subjectId: id, note: name, data: changed });
    return { ok: true, name, slug };
  });
}
