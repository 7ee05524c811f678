import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { memberships } from '@/db/schema';
import { findOrCreateTier } from '../tiers/find-or-create-tier';

export const COMPLIMENTARY_TIER = 'Complimentary';

/**
 * Imported memberships (source `import`, no end date) of the named tiers, matched by name whatever its
 * case and created when missing; a tier the reader already holds through an import is left as it is.
 * Returns the tiers it created.
 */
export function importMemberships(tx: Pick<Db, 'select' | 'insert'>, { subscriberId, tierNames, startsAt }: { subscriberId: number; tierNames: string[]; startsAt: Date }): { createdTiers: string[] } {
  const createdTiers: string[] = [];
  for (const name of new Set(tierNames.map((tierName) => tierName.trim()).filter(Boolean))) {
    const { id: tierId, isNew } = findOrCreateTier(tx, { name });
    if (isNew) createdTiers.push(name);
    const held = tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.subscriberId, subscriberId), eq(memberships.tierId, tierId), eq(memberships.source, 'import'))).get();
    if (!held) tx.insert(memberships).values({ subscriberId, tierId, source: 'import', status: 'active', startsAt }).run();
  }
  return { createdTiers };
}
