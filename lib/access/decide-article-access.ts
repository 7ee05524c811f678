import 'server-only';
import { and, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { institutionDomains, institutionIpRanges, institutions, memberships } from '@/db/schema';
import { isGatedIn, type ArticleAccessRule } from './article-access-rule';
import { hasSeatFor } from './institution-seats';
import { ipAddressKey } from './ip-range';
import { siteMonth } from './site-month';

export type AccessReader = { id: number; email: string };

export type AccessDecision =
  | { isAllowed: true; reason: 'public' | 'archive' | 'signed-in' | 'membership'; institutionId: null }
  | { isAllowed: true; reason: 'institution-address' | 'institution-domain'; institutionId: number }
  | { isAllowed: false; reason: 'sign-in-needed' | 'membership-needed' | 'tier-needed'; institutionId: null; isSignedIn: boolean }
  | { isAllowed: false; reason: 'seats-taken'; institutionId: null; isSignedIn: true; seats: { institution: string; count: number } };

/**
 * Who may read an article's whole body, decided afresh for each request: memberships and institutions
 * are read with `now`, so a membership that ends or is canceled ends access on the next page view.
 * `address` is the client address as `institutionAddress` vouches for it (null: none can be trusted).
 */
export function decideArticleAccess({
  rule,
  reader,
  address,
  now = new Date(),
}: {
  rule: ArticleAccessRule;
  reader: AccessReader | null;
  address: string | null;
  now?: Date;
}): AccessDecision {
  if (rule.access === 'public') return { isAllowed: true, reason: 'public', institutionId: null };
  if (!isGatedIn({ rule, month: siteMonth(now) })) return { isAllowed: true, reason: 'archive', institutionId: null };
  if (rule.access === 'registered' && reader) return { isAllowed: true, reason: 'signed-in', institutionId: null };
  // A tiers rule without tiers can only come from a hand-edited row: then any member may read it.
  const wantedTiers = rule.access === 'tiers' && rule.tierIds.length > 0 ? new Set(rule.tierIds) : null;
  const fits = (tierId: number | null) => wantedTiers === null || (tierId !== null && wantedTiers.has(tierId));

  if (reader && currentMemberTierIds({ subscriberId: reader.id, now }).some(fits)) {
    return { isAllowed: true, reason: 'membership', institutionId: null };
  }
  const byAddress = address ? institutionsByAddress({ address, now }) : [];
  const addressMatch = byAddress.find((institution) => fits(institution.tierId));
  if (addressMatch) return { isAllowed: true, reason: 'institution-address', institutionId: addressMatch.id };
  const byDomain = reader ? institutionsByDomain({ email: reader.email, now }).filter((institution) => fits(institution.tierId)) : [];
  const domainMatch = byDomain.find((institution) => hasSeatFor({ institutionId: institution.id, seats: institution.seats, subscriberId: reader!.id, now }));
  if (domainMatch) return { isAllowed: true, reason: 'institution-domain', institutionId: domainMatch.id };
  const full = byDomain[0];
  if (full && full.seats !== null) return { isAllowed: false, reason: 'seats-taken', institutionId: null, isSignedIn: true, seats: { institution: full.name, count: full.seats } };

  if (!reader) return { isAllowed: false, reason: rule.access === 'registered' ? 'sign-in-needed' : 'membership-needed', institutionId: null, isSignedIn: false };
  return { isAllowed: false, reason: wantedTiers ? 'tier-needed' : 'membership-needed', institutionId: null, isSignedIn: true };
}

/** The tiers a reader holds a membership of that gives access at `now`: active or past due, started, not ended. */
export function currentMemberTierIds({ subscriberId, now }: { subscriberId: number; now: Date }): number[] {
  return getDb()
    .select({ tierId: memberships.tierId })
    .from(memberships)
    .where(
      and(
        eq(memberships.subscriberId, subscriberId),
        inArray(memberships.status, ['active', 'past_due']),
        lte(memberships.startsAt, now),
        or(isNull(memberships.endsAt), gt(memberships.endsAt, now)),
      ),
    )
    .all()
    .map((row) => row.tierId);
}

type InstitutionMatch = { id: number; tierId: number | null };

function isCurrentInstitution(now: Date) {
  return and(lte(institutions.startsAt, now), or(isNull(institutions.endsAt), gt(institutions.endsAt, now)));
}

function institutionsByAddress({ address, now }: { address: string; now: Date }): InstitutionMatch[] {
  const key = ipAddressKey(address);
  if (!key) return [];
  return getDb()
    .selectDistinct({ id: institutions.id, tierId: institutions.tierId })
    .from(institutionIpRanges)
    .innerJoin(institutions, eq(institutions.id, institutionIpRanges.institutionId))
    .where(and(eq(institutionIpRanges.family, key.family), lte(institutionIpRanges.first, key.key), gte(institutionIpRanges.last, key.key), isCurrentInstitution(now)))
    .all();
}

function institutionsByDomain({ email, now }: { email: string; now: Date }): (InstitutionMatch & { name: string; seats: number | null })[] {
  const domain = email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
  if (!domain) return [];
  return getDb()
    .select({ id: institutions.id, tierId: institutions.tierId, name: institutions.name, seats: institutions.seats })
    .from(institutionDomains)
    .innerJoin(institutions, eq(institutions.id, institutionDomains.institutionId))
    .where(and(eq(institutionDomains.domain, domain), isCurrentInstitution(now)))
    .all();
}
