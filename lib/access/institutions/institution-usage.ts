import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { getDb } from '@/db/client';
import { institutionUsage } from '@/db/schema';

/** Gated article views let in by the institution, month by month, oldest first. */
export function listInstitutionUsage(institutionId: number): { month: string; views: number }[] {
  return getDb().select({ month: institutionUsage.month, views: institutionUsage.views }).from(institutionUsage).where(eq(institutionUsage.institutionId, institutionId)).orderBy(asc(institutionUsage.month)).all();
}

/** The same report as CSV for the librarian: `month,views`. */
export function institutionUsageCsv(institutionId: number): string {
  return stringify([['month', 'views'], ...listInstitutionUsage(institutionId).map((row) => [row.month, row.views])]);
}
