import 'server-only';
import { wallClockParts } from '@/lib/platform/time/zoned-time';

/** A moment as the newsroom reads it in the site's time zone. */
export type ZonedMoment = {
  /** For `<time dateTime>`. */
  iso: string;
  /** `2025-04-01`: the calendar day in the site's time zone. */
  day: string;
  /** `08:30`, 24-hour. */
  time: string;
  /** `Tuesday, 1 April 2025, 08:30`. */
  label: string;
};

/** Reads a moment in a time zone: which day and what time it is there. */
export function zonedMoment({ date, timeZone }: { date: Date; timeZone: string }): ZonedMoment {
  const parts = zonedParts({ date, timeZone });
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { iso: date.toISOString(), day, time, label: `${dayLabel(day)}, ${time}` };
}

/** `2025-04` for the month it is now in the time zone. */
export function zonedMonthKey({ date, timeZone }: { date: Date; timeZone: string }): string {
  const parts = zonedParts({ date, timeZone });
  return `${parts.year}-${parts.month}`;
}

/** `Tuesday, 1 April 2025` for a day key `2025-04-01`. */
export function dayLabel(day: string): string {
  return dayFormat.format(dayKeyToUtcNoon(day));
}

/** `April 2025` for a month key `2025-04`. */
export function monthLabel(month: string): string {
  return monthFormat.format(dayKeyToUtcNoon(`${month}-01`));
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
type Parts = { year: string; month: string; day: string; hour: string; minute: string };

function zonedParts({ date, timeZone }: { date: Date; timeZone: string }): Parts {
  const parts = wallClockParts({ instant: date, timeZone });
  const pad = (value: number) => String(value).padStart(2, '0');
  return { year: String(parts.year), month: pad(parts.month), day: pad(parts.day), hour: pad(parts.hour), minute: pad(parts.minute) };
}

// Noon keeps the day the same whatever the formatter does with the instant.
function dayKeyToUtcNoon(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, date!, 12));
}
