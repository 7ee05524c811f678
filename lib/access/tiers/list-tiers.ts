import 'server-only';
import { asc, count } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, membershipTiers } from '@/db/schema';

export type TierSummary = {
  id: number;
  name: string;
  slug: string;
  description: string;
  monthlyPriceCents: number | null;
  yearlyPriceCents: number | null;
  currency: string;
  benefits: string[];
  isActive: boolean;
  membershipCount: number;
};

/** Every tier in join-page order, with how many memberships (of any status) use it. */
export function listTiers(): TierSummary[] {
  const db = getDb();
  const counts = new Map(
    db
      .select({ tierId: memberships.tierId, value: count() })
      .from(memberships)
      .groupBy(memberships.tierId)
      .all()
      .map((row) => [row.tierId, row.value]),
  );
  return db
    .select({
      id: membershipTiers.id,
      name: membershipTiers.name,
      slug: membershipTiers.slug,
      description: membershipTiers.description,
      monthlyPriceCents: membershipTiers.monthlyPriceCents,
      yearlyPriceCents: membershipTiers.yearlyPriceCents,
      currency: membershipTiers.currency,
      benefits: membershipTiers.benefits,
      isActive: membershipTiers.isActive,
    })
    .from(membershipTiers)
    .orderBy(asc(membershipTiers.position), asc(membershipTiers.id))
    .all()
    .map((tier) => ({ ...tier, membershipCount: counts.get(tier.id) ?? 0 }));
}


