import 'server-only';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, membershipTiers, subscribers } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { getPaymentProvider, isCheckoutOn } from './get-payment-provider';
import type { BillingInterval } from './payment-provider';

/** Why a reader could not be sent to pay; each has a sentence on the join page. */
export type CheckoutProblem = 'payments-off' | 'no-such-tier' | 'not-on-sale' | 'already-member' | 'provider';
export type CheckoutStart = { ok: true; url: string } | { ok: false; problem: CheckoutProblem };

/**
 * Opens the provider's checkout for a reader, a tier and a billing interval, and answers its address.
 * A reader who already pays is sent to manage billing instead, so nobody pays twice by accident.
 */
export async function startCheckout({ subscriberId, tierSlug, interval }: { subscriberId: number; tierSlug: string; interval: BillingInterval }): Promise<CheckoutStart> {
  if (!isCheckoutOn()) return { ok: false, problem: 'payments-off' };
  const db = getDb();
  const reader = db.select({ id: subscribers.id, email: subscribers.email }).from(subscribers).where(eq(subscribers.id, subscriberId)).get();
  const tier = db.select().from(membershipTiers).where(and(eq(membershipTiers.slug, tierSlug), eq(membershipTiers.isActive, true))).get();
  if (!reader || !tier) return { ok: false, problem: 'no-such-tier' };
  const priceId = interval === 'monthly' ? tier.providerMonthlyPriceId : tier.providerYearlyPriceId;
  if (!priceId) return { ok: false, problem: 'not-on-sale' };
  const paying = db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.subscriberId, reader.id), eq(memberships.source, 'payment'), inArray(memberships.status, ['active', 'past_due'])))
    .get();
  if (paying) return { ok: false, problem: 'already-member' };
  const { siteUrl } = getConfig();
  try {
    const { url } = await getPaymentProvider().createCheckout({
      priceId,
      interval,
      tierId: tier.id,
      reader,
      customerId: billingCustomerOf(reader.id),
      successUrl: `${siteUrl}/join?done=welcome`,
      cancelUrl: `${siteUrl}/join?done=checkout-canceled`,
    });
    return { ok: true, url };
  } catch (error) {
    console.error('Starting a checkout failed:', error);
    return { ok: false, problem: 'provider' };
  }
}

/** The reader's customer at the provider, from their newest payment membership; null before their first payment. */
export function billingCustomerOf(subscriberId: number): string | null {
  const row = getDb()
    .select({ customerId: memberships.providerCustomerId })
    .from(memberships)
    .where(and(eq(memberships.subscriberId, subscriberId), eq(memberships.source, 'payment'), isNotNull(memberships.providerCustomerId)))
    .orderBy(desc(memberships.id))
    .get();
  return row?.customerId ?? null;
}
