import 'server-only';
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { memberships, membershipTiers, subscribers } from '@/db/schema';
import { subscriberEmailSchema } from '@/lib/readers/subscriber-email-schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { fieldErrorsFrom } from '@/lib/staff/users/field-errors-from';
import type { AccessWriteResult } from '../access-write-result';
import { endOfDay } from '../day-bounds';

const grantSchema = z.object({
  email: subscriberEmailSchema,
  name: z.string().trim().max(200, 'Keep the name under 200 characters.'),
  tierId: z.coerce.number({ error: 'Choose a tier.' }).int('Choose a tier.').positive('Choose a tier.'),
  endsOn: z.string().trim().min(1, 'Choose the last day of the membership.'),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.'),
});

export type GrantInput = z.input<typeof grantSchema>;

/**
 * A complimentary membership for the reader with this address, until the end of `endsOn` in the site's
 * time zone. A reader account is made when there is none; it gets no mail, since nobody asked for any.
 */
export function grantMembership({ actor, input, timeZone, now = new Date() }: { actor: StaffIdentity; input: GrantInput; timeZone: string; now?: Date }): AccessWriteResult<{ id: number; email: string; tierName: string; isNewReader: boolean }> {
  assertCan({ role: actor.role, action: 'member.manage' });
  const parsed = grantSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { email, name, tierId, endsOn, note } = parsed.data;
  const endsAt = endOfDay({ date: endsOn, timeZone });
  if (!endsAt) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { endsOn: 'Choose a date such as 2027-03-31.' } };
  if (endsAt <= now) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { endsOn: 'Choose a day after today: the membership would already be over.' } };
  return getDb().transaction(
    (tx) => {
      const tier = tx.select({ name: membershipTiers.name, isActive: membershipTiers.isActive }).from(membershipTiers).where(eq(membershipTiers.id, tierId)).get();
      if (!tier) return { ok: false as const, error: 'That tier no longer exists; reload the page.', fieldErrors: { tierId: 'Choose a tier.' } };
      const existing = tx.select({ id: subscribers.id }).from(subscribers).where(eq(subscribers.email, email)).get();
      const subscriberId =
        existing?.id ??
        // Unsubscribed and without the issue email: an account to sign in with, not a mailing-list signup.
        tx.insert(subscribers).values({ email, name, status: 'unsubscribed', wantsIssueEmail: false }).returning({ id: subscribers.id }).get().id;
      const current = tx
        .select({ id: memberships.id, endsAt: memberships.endsAt })
        .from(memberships)
        .where(and(eq(memberships.subscriberId, subscriberId), eq(memberships.tierId, tierId), inArray(memberships.status, ['active', 'past_due']), or(isNull(memberships.endsAt), gt(memberships.endsAt, now))))
        .get();
      if (current) return { ok: false as const, error: `${email} already holds an active ${tier.name} membership${current.endsAt ? ` until ${current.endsAt.toISOString().slice(0, 10)}` : ''}; extend that one instead.` };
      const row = tx.insert(memberships).values({ subscriberId, tierId, source: 'complimentary', status: 'active', startsAt: now, endsAt, note, createdBy: actor.id }).returning({ id: memberships.id }).get();
      recordAudit(tx, { actorId: actor.id, action: 'membership.grant', subjectType: 'membership', subjectId: row.id, note: `${email}: ${tier.name} until ${endsOn}`, data: { subscriberId, tierId, endsAt: endsAt.toISOString(), isNewReader: !existing } });
      return { ok: true as const, id: row.id, email, tierName: tier.name, isNewReader: !existing };
    },
    { behavior: 'immediate' },
  );
}
