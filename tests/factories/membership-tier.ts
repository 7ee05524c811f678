import { getDb } from '@/db/client';
import { membershipTiers } from '@/db/schema';

let sequence = 0;

/** A tier written straight to the database, with Stripe price ids unless told otherwise. */
export function createTestTier({
  name,
  monthlyPriceId = `price_month_${sequence + 1}`,
  yearlyPriceId = `price_year_${sequence + 1}`,
  isActive = true,
  benefits = ['The archive', 'Every feature'],
}: { name?: string; monthlyPriceId?: string | null; yearlyPriceId?: string | null; isActive?: boolean; benefits?: string[] } = {}): { id: number; name: string; slug: string } {
  sequence += 1;
  const tierName = name ?? `Tier ${sequence}`;
  return getDb()
    .insert(membershipTiers)
    .values({
      slug: `tier-${sequence}`,
      name: tierName,
      description: `What ${tierName} offers.`,
      monthlyPriceCents: 900,
      yearlyPriceCents: 9000,
      benefits,
      providerMonthlyPriceId: monthlyPriceId,
      providerYearlyPriceId: yearlyPriceId,
      isActive,
      position: sequence,
    })
    .returning({ id: membershipTiers.id, name: membershipTiers.name, slug: membershipTiers.slug })
    .get();
}
