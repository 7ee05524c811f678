import { wallClockParts, wallTimeToInstant } from '@/lib/platform/time/zoned-time';

export type DigestFrequency = 'daily' | 'weekly';

export type DigestPeriod = { frequency: DigestFrequency; key: string; start: Date; end: Date };

/**
 * The last whole period before `now` in the site's time zone: yesterday, or last week (Monday to
 * Monday). Its key (`daily:2026-05-03`, `weekly:2026-04-27`) names the digest campaign.
 */
export function previousDigestPeriod({ frequency, now, timeZone }: { frequency: DigestFrequency; now: Date; timeZone: string }): DigestPeriod {
  const today = wallClockParts({ instant: now, timeZone });
  const todayUtc = Date.UTC(today.year, today.month - 1, today.day);
  if (frequency === 'daily') return digestPeriodFromKey({ key: `daily:${isoDate(todayUtc - DAY_MS)}`, timeZone })!;
  const weekday = (new Date(todayUtc).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return digestPeriodFromKey({ key: `weekly:${isoDate(todayUtc - (weekday + 7) * DAY_MS)}`, timeZone })!;
}

/** The period a key names, or null for anything else. */
export function digestPeriodFromKey({ key, timeZone }: { key: string; timeZone: string }): DigestPeriod | null {
  const match = /^(daily|weekly):(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return null;
  const frequency = match[1] as DigestFrequency;
  const startUtc = Date.UTC(Number(match[2]), Number(match[3]) - 1, Number(match[4]));
  if (Number.isNaN(startUtc) || isoDate(startUtc) !== key.slice(key.indexOf(':') + 1)) return null;
  const endUtc = startUtc + (frequency === 'daily' ? 1 : 7) * DAY_MS;
  const start = wallTimeToInstant({ wallTime: `${isoDate(startUtc)}T00:00`, timeZone });
  const end = wallTimeToInstant({ wallTime: `${isoDate(endUtc)}T00:00`, timeZone });
  if (!start || !end) return null;
  return { frequency, key, start, end };
}

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDate(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}
