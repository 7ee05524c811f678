import { getDb } from '@/db/client';
import { institutionDomains, institutionIpRanges, institutions, memberships, membershipTiers, type MembershipStatus } from '@/db/schema';
import { parseIpRange } from '@/lib/access/ip-range';

let sequence = 0;

export function createTestTier(name = 'Supporter'): number {
  sequence += 1;
  return getDb().insert(membershipTiers).values({ slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${sequence}`, name, position: sequence }).returning().get().id;
}

/** A membership written straight to the database, as a grant or the payment provider would leave it. */
export function createTestMembership({
  subscriberId,
  tierId,
  status = 'active' as MembershipStatus,
  startsAt = new Date('2020-01-01T00:00:00Z'),
  endsAt = null as Date | null,
}: {
  subscriberId: number;
  tierId: number;
  status?: MembershipStatus;
  startsAt?: Date;
  endsAt?: Date | null;
}): number {
  return getDb().insert(memberships).values({ subscriberId, tierId, source: 'complimentary', status, startsAt, endsAt }).returning().get().id;
}

/** An institution with its IP ranges (as an editor writes them) and email domains. */
export function createTestInstitution({
  name = 'Test Library',
  tierId = null as number | null,
  ranges = [] as string[],
  domains = [] as string[],
  startsAt = new Date('2020-01-01T00:00:00Z'),
  endsAt = null as Date | null,
  seats = null as number | null,
}: {
  name?: string;
  tierId?: number | null;
  ranges?: string[];
  domains?: string[];
  startsAt?: Date;
  endsAt?: Date | null;
  seats?: number | null;
} = {}): number {
  sequence += 1;
  const db = getDb();
  const id = db.insert(institutions).values({ name, slug: `institution-${sequence}`, tierId, startsAt, endsAt, seats }).returning().get().id;
  for (const written of ranges) {
    const parsed = parseIpRange(written);
    if (!parsed.ok) throw new Error(parsed.error);
    db.insert(institutionIpRanges).values({ institutionId: id, ...parsed.range }).run();
  }
  for (const domain of domains) db.insert(institutionDomains).values({ institutionId: id, domain }).run();
  return id;
}
