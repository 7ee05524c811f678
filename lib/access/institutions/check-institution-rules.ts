import 'server-only';
import { and, eq, gte, lte, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { institutionDomains, institutionIpRanges, institutions } from '@/db/schema';
import { ipRangesOverlap, parseIpRange, type IpRange } from '../ip-range';
import { linesOf } from './institution-input-schema';

type Reader = Pick<Db, 'select'>;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * An institution's IP ranges, each read by `parseIpRange`; a malformed one, or one overlapping another
 * of the list or of another institution (named), is an error on its line.
 */
export function checkIpRanges(db: Reader, { text, institutionId }: { text: string; institutionId?: number }): { ranges: IpRange[]; errors: string[] } {
  const ranges: IpRange[] = [];
  const errors: string[] = [];
  linesOf(text).forEach((line, index) => {
    const where = `Line ${index + 1}`;
    const parsed = parseIpRange(line);
    if (!parsed.ok) {
      errors.push(`${where}: ${parsed.error}`);
      return;
    }
    const range = parsed.range;
    const twin = ranges.find((other) => ipRangesOverlap(other, range));
    if (twin) {
      errors.push(`${where}: ${range.cidr} overlaps ${twin.cidr}, above in this list; keep one of them.`);
      return;
    }
    const taken = db
      .select({ cidr: institutionIpRanges.cidr, name: institutions.name })
      .from(institutionIpRanges)
      .innerJoin(institutions, eq(institutions.id, institutionIpRanges.institutionId))
      .where(and(eq(institutionIpRanges.family, range.family), lte(institutionIpRanges.first, range.last), gte(institutionIpRanges.last, range.first), institutionId ? ne(institutionIpRanges.institutionId, institutionId) : undefined))
      .get();
    if (taken) {
      errors.push(`${where}: ${range.cidr} overlaps ${taken.cidr} of ${taken.name}; one address can let readers in through only one institution.`);
      return;
    }
    ranges.push(range);
  });
  return { ranges, errors };
}

/** An institution's email domains (`library.example.edu`; a leading `@` is dropped), each well formed and no other institution's. */
export function checkDomains(db: Reader, { text, institutionId }: { text: string; institutionId?: number }): { domains: string[]; errors: string[] } {
  const domains: string[] = [];
  const errors: string[] = [];
  linesOf(text).forEach((line, index) => {
    const where = `Line ${index + 1}`;
    const domain = line.toLowerCase().replace(/^@/, '');
    if (!DOMAIN.test(domain)) {
      errors.push(`${where}: "${line}" is not an email domain; write it as it follows the @, e.g. library.example.edu.`);
      return;
    }
    if (domains.includes(domain)) {
      errors.push(`${where}: ${domain} is listed twice.`);
      return;
    }
    const taken = db
      .select({ name: institutions.name })
      .from(institutionDomains)
      .innerJoin(institutions, eq(institutions.id, institutionDomains.institutionId))
      .where(and(eq(institutionDomains.domain, domain), institutionId ? ne(institutionDomains.institutionId, institutionId) : undefined))
      .get();
    if (taken) {
      errors.push(`${where}: ${domain} already belongs to ${taken.name}.`);
      return;
    }
    domains.push(domain);
  });
  return { domains, errors };
}
