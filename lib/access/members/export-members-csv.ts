import 'server-only';
import { asc, gt, and } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { memberships } from '@/db/schema';
import { memberFilterSql, type MemberFilters } from './member-filters';
import { selectMembers } from './list-members';

const BATCH = 500;
const COLUMNS = ['email', 'name', 'tier', 'source', 'status', 'starts_at', 'ends_at', 'note'] as const;

/** The memberships the filters find, as CSV streamed a batch at a time (dates in ISO 8601, UTC). */
export function exportMembersCsv({ filters = {}, now = new Date() }: { filters?: MemberFilters; now?: Date } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const where = memberFilterSql(filters, now.getTime());
  let afterId = 0;
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(stringify([[...COLUMNS]])));
        return;
      }
      const rows = selectMembers(now)
        .where(and(where, gt(memberships.id, afterId)))
        .orderBy(asc(memberships.id))
        .limit(BATCH)
        .all();
      if (rows.length === 0) {
        controller.close();
        return;
      }
      afterId = rows.at(-1)!.id;
      controller.enqueue(encoder.encode(stringify(rows.map((row) => [row.email, row.name, row.tierName, row.source, row.status, row.startsAt.toISOString(), row.endsAt?.toISOString() ?? '', row.note]))));
    },
  });
}
