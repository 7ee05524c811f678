import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { institutionDomains, institutionIpRanges, institutions, memberships, membershipTiers, subscribers } from '@/db/schema';
import { parseIpRange } from '@/lib/access/ip-range';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import type { MastheadExport } from './export-schema';

type AccessRecords = Pick<MastheadExport, 'tiers' | 'memberships' | 'institutions'>;
type Tx = Pick<Db, 'select' | 'insert'>;

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

/** Tiers, memberships (by reader address) and institutions with their rules: who may read what travels with the articles. */
export function buildAccessExport(db: Pick<Db, 'select'>): AccessRecords {
  const ranges = db.select().from(institutionIpRanges).orderBy(asc(institutionIpRanges.id)).all();
  const domains = db.select().from(institutionDomains).orderBy(asc(institutionDomains.id)).all();
  return {
    tiers: db
      .select()
      .from(membershipTiers)
      .orderBy(asc(membershipTiers.id))
      .all()
      .map((tier) => ({ ...tier, createdAt: iso(tier.createdAt), updatedAt: iso(tier.updatedAt) })),
    memberships: db
      .select({ membership: memberships, email: subscribers.email })
      .from(memberships)
      .innerJoin(subscribers, eq(subscribers.id, memberships.subscriberId))
      .orderBy(asc(memberships.id))
      .all()
      .map(({ membership: { id: _id, subscriberId: _subscriber, createdBy: _createdBy, updatedAt: _updatedAt, ...membership }, email }) => ({
        ...membership,
        email,
        startsAt: iso(membership.startsAt),
        endsAt: isoOrNull(membership.endsAt),
        createdAt: iso(membership.createdAt),
      })),
    institutions: db
      .select()
      .from(institutions)
      .orderBy(asc(institutions.id))
      .all()
      .map(({ updatedAt: _updatedAt, ...institution }) => ({
        ...institution,
        startsAt: iso(institution.startsAt),
        endsAt: isoOrNull(institution.endsAt),
        ipRanges: ranges.filter((range) => range.institutionId === institution.id).map((range) => range.cidr),
        domains: domains.filter((domain) => domain.institutionId === institution.id).map((domain) => domain.domain),
        createdAt: iso(institution.createdAt),
      })),
  };
}

/** Writes an export's access records into the new database, inside its restoring transaction, after the subscribers. */
export function restoreAccess(tx: Tx, document: AccessRecords): void {
  for (const tier of document.tiers) tx.insert(membershipTiers).values({ ...tier, createdAt: new Date(tier.createdAt), updatedAt: new Date(tier.updatedAt) }).run();
  const subscriberIds = new Map(tx.select({ id: subscribers.id, email: subscribers.email }).from(subscribers).all().map((row) => [row.email.toLowerCase(), row.id]));
  for (const { email, ...membership } of document.memberships) {
    const subscriberId = subscriberIds.get(email.toLowerCase());
    if (subscriberId === undefined) throw new InvalidInputError(`The export is not whole: a membership belongs to ${email}, who is not in its subscriber list. Nothing was imported.`);
    tx.insert(memberships)
      .values({ ...membership, subscriberId, startsAt: new Date(membership.startsAt), endsAt: membership.endsAt ? new Date(membership.endsAt) : null, createdAt: new Date(membership.createdAt) })
      .run();
  }
  for (const { ipRanges, domains, ...institution } of document.institutions) {
    tx.insert(institutions)
      .values({ ...institution, startsAt: new Date(institution.startsAt), endsAt: institution.endsAt ? new Date(institution.endsAt) : null, createdAt: new Date(institution.createdAt) })
      .run();
    for (const written of ipRanges) {
      const parsed = parseIpRange(written);
      if (!parsed.ok) throw new InvalidInputError(`The institution "${institution.name}" in the export has a range that cannot be read: ${parsed.error} Nothing was imported.`);
      tx.insert(institutionIpRanges).values({ institutionId: institution.id, ...parsed.range }).run();
    }
    for (const domain of domains) tx.insert(institutionDomains).values({ institutionId: institution.id, domain }).run();
  }
}
