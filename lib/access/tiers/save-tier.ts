import 'server-only';
import { and, eq, max, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { membershipTiers } from '@/db/schema';
import { slugify } from '@/lib/content/text/slugify';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { fieldErrorsFrom } from '@/lib/staff/users/field-errors-from';
import type { AccessWriteResult } from '../access-write-result';
import { tierInputSchema, type TierInput } from './tier-input-schema';

export const TIER_SLUG_TAKEN = 'Another tier already has that slug; choose another.';

/** Creates a tier (no `id`) or changes one; audited in the same transaction. */
export function saveTier({ actor, id, input }: { actor: StaffIdentity; id?: number; input: TierInput }): AccessWriteResult<{ id: number; name: string }> {
  assertCan({ role: actor.role, action: 'member.manage' });
  const parsed = tierInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { slug: typedSlug, monthlyPrice, yearlyPrice, ...fields } = parsed.data;
  const slug = typedSlug || slugify(fields.name, { maxLength: 60 });
  if (!slug) return { ok: false, error: 'Give the tier a slug made of letters or digits.', fieldErrors: { slug: 'Enter a slug, e.g. supporter.' } };
  const values = { ...fields, slug, monthlyPriceCents: monthlyPrice, yearlyPriceCents: yearlyPrice };
  return getDb().transaction(
    (tx): AccessWriteResult<{ id: number; name: string }> => {
      const clash = tx
        .select({ id: membershipTiers.id })
        .from(membershipTiers)
        .where(id ? and(eq(membershipTiers.slug, slug), ne(membershipTiers.id, id)) : eq(membershipTiers.slug, slug))
        .get();
      if (clash) return { ok: false, error: TIER_SLUG_TAKEN, fieldErrors: { slug: TIER_SLUG_TAKEN } };
      if (id) {
        const row = tx.update(membershipTiers).set({ ...values, updatedAt: new Date() }).where(eq(membershipTiers.id, id)).returning({ id: membershipTiers.id }).get();
        if (!row) return { ok: false, error: 'That tier no longer exists; reload the page.' };
        recordAudit(tx, { actorId: actor.id, action: 'tier.update', subjectType: 'tier', subjectId: id, note: fields.name, data: { slug, monthlyPriceCents: monthlyPrice, yearlyPriceCents: yearlyPrice, currency: fields.currency } });
        return { ok: true, id, name: fields.name };
      }
      const last = tx.select({ value: max(membershipTiers.position) }).from(membershipTiers).get()?.value ?? -1;
      const row = tx.insert(membershipTiers).values({ ...values, position: last + 1 }).returning({ id: membershipTiers.id }).get();
      recordAudit(tx, { actorId: actor.id, action: 'tier.create', subjectType: 'tier', subjectId: row.id, note: fields.name, data: { slug, monthlyPriceCents: monthlyPrice, yearlyPriceCents: yearlyPrice, currency: fields.currency } });
      return { ok: true, id: row.id, name: fields.name };
    },
    { behavior: 'immediate' },
  );
}
