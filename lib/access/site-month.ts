import 'server-only';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { wallClockParts } from '@/lib/platform/time/zoned-time';

/** The calendar month (`YYYY-MM`) an instant falls in, in the site's time zone. */
export function siteMonth(instant: Date): string {
  const { year, month } = wallClockParts({ instant, timeZone: getSiteSettings().timeZone });
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
