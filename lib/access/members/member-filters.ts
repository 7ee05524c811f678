import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { institutionDomains, memberships, subscribers, type MembershipSource } from '@/db/schema';
import type { MemberStatus } from './member-status';

/** What the members list and its CSV export are narrowed by; every field optional. */
export type MemberFilters = { query?: string; tierId?: number; status?: MemberStatus; institutionId?: number; source?: MembershipSource };


/** The membership's status with its end date taken into account, at `now` (ms). */
export function effectiveStatusSql(now: number): SQL<MemberStatus> {
  return sql<MemberStatus>`case when ${memberships.status} in ('active', 'past_due') and ${memberships.endsAt} is not null and ${memberships.endsAt} <= ${now} then 'expired' else ${memberships.status} end`;
}

/** The where clause for the filters (over memberships joined to subscribers). */
export function memberFilterSql(filters: MemberFilters, now: number): SQL | undefined {
  const needle = filters.query?.trim().toLowerCase();
  const domainOf = sql`substr(${subscribers.email}, instr(${subscribers.email}, '@') + 1)`;
  return and(
    needle ? sql`(instr(lower(${subscribers.email}), ${needle}) > 0 or instr(lower(${subscribers.name}), ${needle}) > 0)` : undefined,
    filters.tierId ? eq(memberships.tierId, filters.tierId) : undefined,
    filters.source ? eq(memberships.source, filters.source) : undefined,
    filters.status ? sql`${effectiveStatusSql(now)} = ${filters.status}` : undefined,
    filters.institutionId
      ? sql`${domainOf} in (select ${institutionDomains.domain} from ${institutionDomains} where ${institutionDomains.institutionId} = ${filters.institutionId})`
      : undefined,
  );
}
