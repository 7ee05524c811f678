import 'server-only';
import { eq, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, membershipTiers, paymentEvents, subscribers, type Membership, type MembershipStatus } from '@/db/schema';
import type { PaymentChange, PaymentEvent } from './payment-provider';

type Transaction = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

export type AppliedPaymentEvent = { isDuplicate: boolean; outcome: string };

/**
 * Records a verified event by its id and carries out its change to a payment membership, in one
 * transaction: a second delivery of the same event finds its id and changes nothing. Events may come
 * in any order; the membership keeps the time of the newest event it reflects, and an older one is
 * noted and left without effect. A subscription that has ended stays ended.
 */
export function applyPaymentEvent({ event, provider }: { event: PaymentEvent; provider: string }): AppliedPaymentEvent {
  return getDb().transaction((tx) => {
    const inserted = tx.insert(paymentEvents).values({ id: event.id, provider, type: event.type, occurredAt: event.occurredAt, outcome: '' }).onConflictDoNothing().returning({ id: paymentEvents.id }).get();
    if (!inserted) {
      const earlier = tx.select({ outcome: paymentEvents.outcome }).from(paymentEvents).where(eq(paymentEvents.id, event.id)).get();
      return { isDuplicate: true, outcome: earlier?.outcome ?? '' };
    }
    const outcome = carryOut({ tx, change: event.change, occurredAt: event.occurredAt });
    tx.update(paymentEvents).set({ outcome }).where(eq(paymentEvents.id, event.id)).run();
    return { isDuplicate: false, outcome };
  });
}

function carryOut({ tx, change, occurredAt }: { tx: Transaction; change: PaymentChange; occurredAt: number }): string {
  switch (change.kind) {
    case 'not-used':
      return 'Ignored: Masthead does not use this kind of event.';
    case 'checkout-completed': {
      if (!change.subscriptionId) return 'Ignored: the checkout made no subscription.';
      const existing = membershipOf(tx, change.subscriptionId);
      if (existing) {
        if (!existing.providerCustomerId && change.customerId) tx.update(memberships).set({ providerCustomerId: change.customerId }).where(eq(memberships.id, existing.id)).run();
        return `Already recorded: membership #${existing.id} (${existing.status}).`;
      }
      return createMembership({ tx, subscriptionId: change.subscriptionId, customerId: change.customerId, subscriberId: change.subscriberId, tierId: change.tierId, priceId: null, status: 'active', endsAt: null, occurredAt });
    }
    case 'subscription-changed': {
      const existing = membershipOf(tx, change.subscriptionId);
      if (!existing) return createMembership({ tx, ...change, endsAt: change.periodEndsAt, occurredAt });
      const stale = stalenessOf(existing, occurredAt);
      if (stale) return stale;
      const tier = change.priceId ? tierByPrice(tx, change.priceId) : undefined;
      tx.update(memberships)
        .set({
          status: change.status,
          endsAt: change.periodEndsAt === null ? null : new Date(change.periodEndsAt),
          ...(tier ? { tierId: tier.id } : {}),
          providerCustomerId: existing.providerCustomerId ?? change.customerId,
          providerUpdatedAt: occurredAt,
          updatedAt: new Date(),
        })
        .where(eq(memberships.id, existing.id))
        .run();
      const tierNote = change.priceId && !tier ? ` No tier has the price ${change.priceId}, so the tier stays as it was.` : tier && tier.id !== existing.tierId ? ` Tier now ${tier.name}.` : '';
      return `Updated membership #${existing.id}: ${change.status}${change.periodEndsAt === null ? '' : `, until ${new Date(change.periodEndsAt).toISOString()}`}.${tierNote}`;
    }
    case 'subscription-ended': {
      const existing = membershipOf(tx, change.subscriptionId);
      if (!existing) return createMembership({ tx, ...change, priceId: null, status: 'canceled', endsAt: change.endedAt, occurredAt });
      if (existing.status === 'canceled') return `Already ended: membership #${existing.id}.`;
      // An ending is final whatever arrived before it, so it applies even when an event looked newer.
      tx.update(memberships)
        .set({ status: 'canceled', endsAt: new Date(change.endedAt), providerUpdatedAt: Math.max(occurredAt, existing.providerUpdatedAt ?? 0), updatedAt: new Date() })
        .where(eq(memberships.id, existing.id))
        .run();
      return `Ended membership #${existing.id}: canceled.`;
    }
    case 'payment-failed': {
      if (!change.subscriptionId) return 'Ignored: the invoice belongs to no subscription.';
      const existing = membershipOf(tx, change.subscriptionId);
      if (!existing) return `Skipped: no membership has the subscription ${change.subscriptionId}.`;
      const stale = stalenessOf(existing, occurredAt);
      if (stale) return stale;
      tx.update(memberships).set({ status: 'past_due', providerUpdatedAt: occurredAt, updatedAt: new Date() }).where(eq(memberships.id, existing.id)).run();
      return `Membership #${existing.id} is past due: a payment failed and the provider will retry it.`;
    }
  }
}

/** Why an event must not change the membership, or nothing when it may. */
function stalenessOf(existing: Membership, occurredAt: number): string | undefined {
  if (existing.status === 'canceled') return `Ignored: membership #${existing.id} has already ended.`;
  if (existing.providerUpdatedAt !== null && occurredAt < existing.providerUpdatedAt) return `Ignored: older than the last change to membership #${existing.id}.`;
  return undefined;
}

function createMembership({
  tx,
  subscriptionId,
  customerId,
  subscriberId,
  tierId,
  priceId,
  status,
  endsAt,
  occurredAt,
}: {
  tx: Transaction;
  subscriptionId: string;
  customerId: string | null;
  subscriberId: number | null;
  tierId: number | null;
  priceId: string | null;
  status: MembershipStatus;
  endsAt: number | null;
  occurredAt: number;
}): string {
  if (subscriberId === null) return `Skipped: the subscription ${subscriptionId} names no reader.`;
  const reader = tx.select({ id: subscribers.id }).from(subscribers).where(eq(subscribers.id, subscriberId)).get();
  if (!reader) return `Skipped: no reader #${subscriberId} (deleted, or the event is for another site).`;
  const tier = (tierId === null ? undefined : tx.select({ id: membershipTiers.id, name: membershipTiers.name }).from(membershipTiers).where(eq(membershipTiers.id, tierId)).get()) ?? (priceId ? tierByPrice(tx, priceId) : undefined);
  if (!tier) return `Skipped: no tier ${tierId === null ? '' : `#${tierId} `}${priceId ? `or with the price ${priceId} ` : ''}exists; grant reader #${subscriberId} a membership by hand.`;
  const created = tx
    .insert(memberships)
    .values({
      subscriberId,
      tierId: tier.id,
      source: 'payment',
      status,
      startsAt: new Date(occurredAt),
      endsAt: endsAt === null ? null : new Date(endsAt),
      providerCustomerId: customerId,
      providerSubscriptionId: subscriptionId,
      providerUpdatedAt: occurredAt,
      note: 'Bought online.',
    })
    .returning({ id: memberships.id })
    .get();
  return `Created membership #${created.id}: ${tier.name} for reader #${subscriberId}, ${status}.`;
}

function membershipOf(tx: Transaction, subscriptionId: string): Membership | undefined {
  return tx.select().from(memberships).where(eq(memberships.providerSubscriptionId, subscriptionId)).get();
}

function tierByPrice(tx: Transaction, priceId: string) {
  return tx
    .select({ id: membershipTiers.id, name: membershipTiers.name })
    .from(membershipTiers)
    .where(or(eq(membershipTiers.providerMonthlyPriceId, priceId), eq(membershipTiers.providerYearlyPriceId, priceId)))
    .get();
}
