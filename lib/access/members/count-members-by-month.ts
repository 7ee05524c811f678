import 'server-only';
import { and, count, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, membershipTiers } from '@/db/schema';

export type MembersByMonth = { months: string[]; tiers: { id: number; name: string; counts: number[] }[] };

/**
 * How many memberships of each tier held at the end of each of the last `months` months (UTC; the
 * current month counts up to `now`), from starts_at and ends_at. A canceled or expired membership
 * without an end date is taken to have ended when it last changed.
 */
export function countMembersByMonth({ months = 12, now = new Date() }: { months?: number; now?: Date } = {}): MembersByMonth {
  const db = getDb();
  const labels: string[] = [];
  const ends: number[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    labels.push(start.toISOString().slice(0, 7));
    ends.push(Math.min(now.getTime(), Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)));
  }
  const tiers = db.select({ id: membershipTiers.id, name: membershipTiers.name }).from(membershipTiers).orderBy(membershipTiers.position, membershipTiers.id).all();
  const countsByTier = new Map(tiers.map((tier) => [tier.id, labels.map(() => 0)]));
  const endedAt = sql`coalesce(${memberships.endsAt}, case when ${memberships.status} in ('canceled', 'expired') then ${memberships.updatedAt} end)`;
  ends.forEach((end, index) => {
    const rows = db
      .select({ tierId: memberships.tierId, value: count() })
      .from(memberships)
      .where(and(lt(memberships.startsAt, new Date(end)), or(isNull(endedAt), gt(endedAt, end))))
      .groupBy(memberships.tierId)
      .all();
    for (const row of rows) {
      const counts = countsByTier.get(row.tierId);
      if (counts) counts[index] = row.value;
    }
  });
  return { months: labels, tiers: tiers.map((tier) => ({ ...tier, counts: countsByTier.get(tier.id) ?? [] })) };
}

