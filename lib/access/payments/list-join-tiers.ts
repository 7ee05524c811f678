import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { membershipTiers } from '@/db/schema';
import type { BillingInterval } from './payment-provider';

export type JoinPrice = { interval: BillingInterval; label: string; isOnSale: boolean };
export type JoinTier = { slug: string; name: string; description: string; benefits: string[]; prices: JoinPrice[] };

/**
 * The active tiers as the join page shows them, in the desk's order. A price is on sale when payments
 * are on and the tier has the provider's price id for it; otherwise it is shown for information.
 */
export function listJoinTiers({ isCheckoutOn }: { isCheckoutOn: boolean }): JoinTier[] {
  const tiers = getDb().select().from(membershipTiers).where(eq(membershipTiers.isActive, true)).orderBy(asc(membershipTiers.position), asc(membershipTiers.id)).all();
  return tiers.map((tier) => {
    const money = new Intl.NumberFormat('en', { style: 'currency', currency: tier.currency.toUpperCase() });
    const prices: JoinPrice[] = [];
    if (tier.monthlyPriceCents !== null) prices.push({ interval: 'monthly', label: `${money.format(tier.monthlyPriceCents / 100)} a month`, isOnSale: isCheckoutOn && Boolean(tier.providerMonthlyPriceId) });
    if (tier.yearlyPriceCents !== null) prices.push({ interval: 'yearly', label: `${money.format(tier.yearlyPriceCents / 100)} a year`, isOnSale: isCheckoutOn && Boolean(tier.providerYearlyPriceId) });
    return { slug: tier.slug, name: tier.name, description: tier.description, benefits: tier.benefits, prices };
  });
}
