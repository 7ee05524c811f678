import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { institutionDomains, institutionIpRanges, institutions, membershipTiers } from '@/db/schema';
import { slugify } from '@/lib/content/text/slugify';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { fieldErrorsFrom } from '@/lib/staff/users/field-errors-from';
import type { AccessWriteResult } from '../access-write-result';
import { endOfDay, startOfDay } from '../day-bounds';
import { uniqueSlug } from '../unique-slug';
import { checkDomains, checkIpRanges } from './check-institution-rules';
import { institutionInputSchema, type InstitutionInput } from './institution-input-schema';

const CORRECT = 'Nothing was saved. Please correct the highlighted fields.';

/**
 * Creates an institution (no `id`) or replaces one's fields, IP ranges and email domains, in one
 * transaction with its audit entry; any problem saves nothing and names every line at fault.
 */
export function saveInstitution({ actor, id, input, timeZone }: { actor: StaffIdentity; id?: number; input: InstitutionInput; timeZone: string }): AccessWriteResult<{ id: number; name: string }> {
  assertCan({ role: actor.role, action: 'member.manage' });
  const parsed = institutionInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: CORRECT, fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { name, tierId, seats, startsOn, endsOn, contactEmail, note } = parsed.data;
  const fieldErrors: Record<string, string> = {};
  const startsAt = startOfDay({ date: startsOn, timeZone });
  if (!startsAt) fieldErrors.startsOn = 'Choose a date such as 2027-01-01.';
  const endsAt = endsOn ? endOfDay({ date: endsOn, timeZone }) : null;
  if (endsOn && !endsAt) fieldErrors.endsOn = 'Choose a date such as 2027-12-31, or leave it empty for no end.';
  if (startsAt && endsAt && endsAt <= startsAt) fieldErrors.endsOn = 'The last day comes before the first; check both dates.';
  return getDb().transaction(
    (tx): AccessWriteResult<{ id: number; name: string }> => {
      if (tierId !== null && !tx.select({ id: membershipTiers.id }).from(membershipTiers).where(eq(membershipTiers.id, tierId)).get()) fieldErrors.tierId = 'That tier no longer exists; choose another.';
      const ranges = checkIpRanges(tx, { text: parsed.data.ipRanges, institutionId: id });
      if (ranges.errors.length) fieldErrors.ipRanges = ranges.errors.join(' ');
      const domains = checkDomains(tx, { text: parsed.data.domains, institutionId: id });
      if (domains.errors.length) fieldErrors.domains = domains.errors.join(' ');
      if (Object.keys(fieldErrors).length || !startsAt) return { ok: false, error: CORRECT, fieldErrors };
      const slug = uniqueSlug({
        base: slugify(name, { maxLength: 60 }) || 'institution',
        isTaken: (candidate) => Boolean(tx.select({ id: institutions.id }).from(institutions).where(id ? and(eq(institutions.slug, candidate), ne(institutions.id, id)) : eq(institutions.slug, candidate)).get()),
      });
      const values = { name, slug, tierId, seats, startsAt, endsAt, contactEmail, note, updatedAt: new Date() };
      let institutionId = id;
      if (institutionId) {
        const row = tx.update(institutions).set(values).where(eq(institutions.id, institutionId)).returning({ id: institutions.id }).get();
        if (!row) return { ok: false, error: 'That institution no longer exists; reload the page.' };
        tx.delete(institutionIpRanges).where(eq(institutionIpRanges.institutionId, institutionId)).run();
        tx.delete(institutionDomains).where(eq(institutionDomains.institutionId, institutionId)).run();
      } else {
        institutionId = tx.insert(institutions).values(values).returning({ id: institutions.id }).get().id;
      }
      const savedId = institutionId;
      if (ranges.ranges.length) tx.insert(institutionIpRanges).values(ranges.ranges.map((range) => ({ institutionId: savedId, ...range }))).run();
      if (domains.domains.length) tx.insert(institutionDomains).values(domains.domains.map((domain) => ({ institutionId: savedId, domain }))).run();
      recordAudit(tx, {
        actorId: actor.id,
        action: id ? 'institution.update' : 'institution.create',
        subjectType: 'institution',
        subjectId: savedId,
        note: name,
        data: { tierId, seats, startsAt: startsAt.toISOString(), endsAt: endsAt?.toISOString() ?? null, ipRanges: ranges.ranges.map((range) => range.cidr), domains: domains.domains },
      });
      return { ok: true, id: savedId, name };
    },
    { behavior: 'immediate' },
  );
}
