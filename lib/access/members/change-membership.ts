import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, subscribers } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import type { AccessWriteResult } from '../access-write-result';
import { endOfDay } from '../day-bounds';

const PAID = 'This membership is paid through the payment provider; change it there, and the provider tells Masthead.';
const GONE = 'That membership no longer exists; reload the page.';

/** Moves a complimentary or imported membership's end to the end of `endsOn`; an expired one is active again. */
export function extendMembership({ actor, id, endsOn, timeZone, now = new Date() }: { actor: StaffIdentity; id: number; endsOn: string; timeZone: string; now?: Date }): AccessWriteResult<{ email: string }> {
  assertCan({ role: actor.role, action: 'member.manage' });
  const endsAt = endOfDay({ date: endsOn, timeZone });
  if (!endsAt) return { ok: false, error: 'Choose the new last day, such as 2027-03-31.', fieldErrors: { endsOn: 'Choose a date such as 2027-03-31.' } };
  if (endsAt <= now) return { ok: false, error: 'Choose a day after today: the membership would already be over.', fieldErrors: { endsOn: 'Choose a day after today.' } };
  return getDb().transaction(
    (tx): AccessWriteResult<{ email: string }> => {
      const membership = tx.select({ source: memberships.source, status: memberships.status, endsAt: memberships.endsAt, email: subscribers.email }).from(memberships).innerJoin(subscribers, eq(subscribers.id, memberships.subscriberId)).where(eq(memberships.id, id)).get();
      if (!membership) return { ok: false, error: GONE };
      if (membership.source === 'payment') return { ok: false, error: PAID };
      if (membership.status === 'canceled') return { ok: false, error: `The membership of ${membership.email} was canceled; grant a new one instead.` };
      tx.update(memberships).set({ endsAt, status: 'active', updatedAt: now }).where(eq(memberships.id, id)).run();
      recordAudit(tx, { actorId: actor.id, action: 'membership.extend', subjectType: 'membership', subjectId: id, note: `${membership.email} until ${endsOn}`, data: { from: membership.endsAt?.toISOString() ?? null, to: endsAt.toISOString() } });
      return { ok: true, email: membership.email };
    },
    { behavior: 'immediate' },
  );
}

/** Ends a complimentary or imported membership now: access ends at once, and the row stays for the record. */
export function cancelMembership({ actor, id, now = new Date() }: { actor: StaffIdentity; id: number; now?: Date }): AccessWriteResult<{ email: string }> {
  assertCan({ role: actor.role, action: 'member.manage' });
  return getDb().transaction(
    (tx): AccessWriteResult<{ email: string }> => {
      const membership = tx.select({ source: memberships.source, status: memberships.status, email: subscribers.email }).from(memberships).innerJoin(subscribers, eq(subscribers.id, memberships.subscriberId)).where(eq(memberships.id, id)).get();
      if (!membership) return { ok: false, error: GONE };
      if (membership.source === 'payment') return { ok: false, error: PAID };
      if (membership.status === 'canceled') return { ok: true, email: membership.email };
      tx.update(memberships).set({ status: 'canceled', endsAt: now, updatedAt: now }).where(eq(memberships.id, id)).run();
      recordAudit(tx, { actorId: actor.id, action: 'membership.cancel', subjectType: 'membership', subjectId: id, note: membership.email });
      return { ok: true, email: membership.email };
    },
    { behavior: 'immediate' },
  );
}
