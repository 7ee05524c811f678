import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { institutionDomains, institutionIpRanges, institutions, membershipTiers } from '@/db/schema';

export type InstitutionSummary = {
  id: number;
  name: string;
  slug: string;
  tierId: number | null;
  tierName: string | null;
  seats: number | null;
  startsAt: Date;
  endsAt: Date | null;
  contactEmail: string;
  ranges: string[];
  domains: string[];
};

/** Every institution by name, with its tier, IP ranges and email domains. */
export function listInstitutions(): InstitutionSummary[] {
  const db = getDb();
  const tiers = new Map(db.select({ id: membershipTiers.id, name: membershipTiers.name }).from(membershipTiers).all().map((tier) => [tier.id, tier.name]));
  const ranges = db.select({ institutionId: institutionIpRanges.institutionId, cidr: institutionIpRanges.cidr }).from(institutionIpRanges).orderBy(asc(institutionIpRanges.id)).all();
  const domains = db.select({ institutionId: institutionDomains.institutionId, domain: institutionDomains.domain }).from(institutionDomains).orderBy(asc(institutionDomains.id)).all();
  return db
    .select()
    .from(institutions)
    .orderBy(asc(institutions.name))
    .all()
    .map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      tierId: row.tierId,
      tierName: row.tierId ? (tiers.get(row.tierId) ?? null) : null,
      seats: row.seats,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      contactEmail: row.contactEmail,
      ranges: ranges.filter((range) => range.institutionId === row.id).map((range) => range.cidr),
      domains: domains.filter((domain) => domain.institutionId === row.id).map((domain) => domain.domain),
    }));
}
