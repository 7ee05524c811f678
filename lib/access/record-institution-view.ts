import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { institutionUsage } from '@/db/schema';
import { siteMonth } from './site-month';

/** Counts one gated article view an institution let in, in the month of `at` (site time zone), for its usage report. */
export function recordInstitutionView({ institutionId, at = new Date() }: { institutionId: number; at?: Date }): void {
  getDb()
    .insert(institutionUsage)
    .values({ institutionId, month: siteMonth(at), views: 1 })
    .onConflictDoUpdate({ target: [institutionUsage.institutionId, institutionUsage.month], set: { views: sql`${institutionUsage.views} + 1` } })
    .run();
}
