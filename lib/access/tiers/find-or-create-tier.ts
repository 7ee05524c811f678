import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { membershipTiers } from '@/db/schema';
import { slugify } from '@/lib/content/text/slugify';
import { uniqueSlug } from '../unique-slug';

/** What an import knows of a tier; only the name is needed, the rest is used when the tier is created. */
export type TierByName = { name: string; description?: string; monthlyPriceCents?: number | null; yearlyPriceCents?: number | null; currency?: string | null };

/**
 * The tier of this name, whatever its case; created (with the details given) when there is none.
 * An existing tier keeps its own description and prices: the desk is where they are set.
 */
export function findOrCreateTier(tx: Pick<Db, 'select' | 'insert'>, tier: TierByName): { id: number; isNew: boolean } {
  const name = tier.name.trim().slice(0, 80);
  const existing = tx.select({ id: membershipTiers.id }).from(membershipTiers).where(sql`lower(${membershipTiers.name}) = ${name.toLowerCase()}`).get();
  if (existing) return { id: existing.id, isNew: false };
  const slug = uniqueSlug({ base: slugify(name, { maxLength: 60 }) || 'tier', isTaken: (candidate) => Boolean(tx.select({ id: membershipTiers.id }).from(membershipTiers).where(eq(membershipTiers.slug, candidate)).get()) });
  const id = tx
    .insert(membershipTiers)
    .values({
      name,
      slug,
      description: tier.description?.trim() ?? '',
      monthlyPriceCents: tier.monthlyPriceCents ?? null,
      yearlyPriceCents: tier.yearlyPriceCents ?? null,
      ...(tier.currency ? { currency: tier.currency } : {}),
    })
    .returning({ id: membershipTiers.id })
    .get().id;
  return { id, isNew: true };
}
