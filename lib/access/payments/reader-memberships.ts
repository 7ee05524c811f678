import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, membershipTiers, type MembershipSource, type MembershipStatus } from '@/db/schema';

export type ReaderMembership = { tierName: string; source: MembershipSource; status: MembershipStatus; endsAt: Date | null; hasBilling: boolean };

/** A reader's memberships, newest first, as the join page tells them what they hold. */
export function listReaderMemberships(subscriberId: number): ReaderMembership[] {
  return getDb()
    .select({ tierName: membershipTiers.name, source: memberships.source, status: memberships.status, endsAt: memberships.endsAt, customerId: memberships.providerCustomerId })
    .from(memberships)
    .innerJoin(membershipTiers, eq(membershipTiers.id, memberships.tierId))
    .where(eq(memberships.subscriberId, subscriberId))
    .orderBy(desc(memberships.id))
    .all()
    .map(({ customerId, ...membership }) => ({ ...membership, hasBilling: membership.source === 'payment' && customerId !== null }));
}
