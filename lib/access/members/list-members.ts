import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, membershipTiers, subscribers, type MembershipSource } from '@/db/schema';
import { effectiveStatusSql, memberFilterSql, type MemberFilters } from './member-filters';
import type { MemberStatus } from './member-status';

export const MEMBERS_PAGE_SIZE = 50;

export type MemberRow = {
  id: number;
  subscriberId: number;
  email: string;
  name: string;
  tierId: number;
  tierName: string;
  source: MembershipSource;
  status: MemberStatus;
  startsAt: Date;
  endsAt: Date | null;
  note: string;
};

/** One page of memberships, newest first, with the reader and tier of each. */
export function listMembers({ filters = {}, page = 1, now = new Date() }: { filters?: MemberFilters; page?: number; now?: Date } = {}): { rows: MemberRow[]; total: number; page: number; pageCount: number } {
  const db = getDb();
  const where = memberFilterSql(filters, now.getTime());
  const total =
    db
      .select({ value: count() })
      .from(memberships)
      .innerJoin(subscribers, eq(subscribers.id, memberships.subscriberId))
      .where(where)
      .get()?.value ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = selectMembers(now)
    .where(where)
    .orderBy(desc(memberships.startsAt), desc(memberships.id))
    .limit(MEMBERS_PAGE_SIZE)
    .offset((current - 1) * MEMBERS_PAGE_SIZE)
    .all();
  return { rows, total, page: current, pageCount };
}

/** The membership rows' select, shared by the list and the export. */
export function selectMembers(now: Date) {
  return getDb()
    .select({
      id: memberships.id,
      subscriberId: memberships.subscriberId,
      email: subscribers.email,
      name: subscribers.name,
      tierId: memberships.tierId,
      tierName: membershipTiers.name,
      source: memberships.source,
      status: effectiveStatusSql(now.getTime()),
      startsAt: memberships.startsAt,
      endsAt: memberships.endsAt,
      note: memberships.note,
    })
    .from(memberships)
    .innerJoin(subscribers, eq(subscribers.id, memberships.subscriberId))
    .innerJoin(membershipTiers, eq(membershipTiers.id, memberships.tierId))
    .$dynamic();
}
