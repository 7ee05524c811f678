import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, membershipTiers, paymentEvents, subscribers, type MembershipStatus } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { getPaymentsConfig } from './payments-config';

export const STRIPE_WEBHOOK_PATH = '/api/payments/stripe';

export type PaymentsOverview = {
  isCheckoutOn: boolean;
  isWebhookOn: boolean;
  webhookUrl: string;
  /** Active tiers readers cannot buy yet: neither price id is set. */
  tiersWithoutPrices: string[];
  events: { id: string; type: string; occurredAt: Date; receivedAt: Date; outcome: string }[];
  members: { id: number; email: string; tierName: string; status: MembershipStatus; startsAt: Date; endsAt: Date | null; subscriptionId: string | null }[];
};

/** What an administrator needs to connect Stripe and to see that it works: the switches, the webhook address, the latest events and paying members. */
export function getPaymentsOverview({ limit = 50 }: { limit?: number } = {}): PaymentsOverview {
  const db = getDb();
  const config = getPaymentsConfig();
  const tiersWithoutPrices = db
    .select({ name: membershipTiers.name })
    .from(membershipTiers)
    .where(and(eq(membershipTiers.isActive, true), isNull(membershipTiers.providerMonthlyPriceId), isNull(membershipTiers.providerYearlyPriceId)))
    .orderBy(membershipTiers.position)
    .all()
    .map((tier) => tier.name);
  const events = db
    .select({ id: paymentEvents.id, type: paymentEvents.type, occurredAt: paymentEvents.occurredAt, receivedAt: paymentEvents.createdAt, outcome: paymentEvents.outcome })
    .from(paymentEvents)
    .orderBy(desc(paymentEvents.createdAt), desc(paymentEvents.occurredAt))
    .limit(limit)
    .all()
    .map((event) => ({ ...event, occurredAt: new Date(event.occurredAt) }));
  const members = db
    .select({
      id: memberships.id,
      email: subscribers.email,
      tierName: membershipTiers.name,
      status: memberships.status,
      startsAt: memberships.startsAt,
      endsAt: memberships.endsAt,
      subscriptionId: memberships.providerSubscriptionId,
    })
    .from(memberships)
    .innerJoin(subscribers, eq(subscribers.id, memberships.subscriberId))
    .innerJoin(membershipTiers, eq(membershipTiers.id, memberships.tierId))
    .where(eq(memberships.source, 'payment'))
    .orderBy(desc(memberships.updatedAt), desc(memberships.id))
    .limit(limit)
    .all();
  return { isCheckoutOn: config.secretKey !== null, isWebhookOn: config.webhookSecret !== null, webhookUrl: `${getConfig().siteUrl}${STRIPE_WEBHOOK_PATH}`, tiersWithoutPrices, events, members };
}
