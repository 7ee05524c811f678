import 'server-only';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { previousDigestPeriod } from './digest-period';

/**
 * Once a day (or week) has ended in the site's time zone, queues its digest campaign. The campaign's
 * unique key makes this a no-op on every later pass; expansion then writes one message per reader.
 */
export function queueDigests({ now = new Date() }: { now?: Date } = {}): number {
  const timeZone = getSiteSettings().timeZone;
  let created = 0;
  for (const frequency of ['daily', 'weekly'] as const) {
    const period = previousDigestPeriod({ frequency, now, timeZone });
    created += getDb().insert(campaigns).values({ kind: 'digest', dedupeKey: `digest:${period.key}` }).onConflictDoNothing().run().changes;
  }
  return created;
}
