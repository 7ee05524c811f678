import 'server-only';
import { monthLabel } from './desk-dashboard-zoned-time';

export type CalendarEntry = { id: number; title: string; time: string; iso: string; embargoedUntil: string | null };

export type CalendarDay = {
  /** `2025-04-01`. */
  day: string;
  dayOfMonth: number;
  isToday: boolean;
  entries: CalendarEntry[];
};

export type MonthCalendar = {
  /** `2025-04`. */
  month: string;
  /** `April 2025`. */
  label: string;
  previousMonth: string;
  previousLabel: string;
  nextMonth: string;
  nextLabel: string;
  /** Whether this is the month that today falls in. */
  isCurrentMonth: boolean;
  /** Weeks from Monday to Sunday; null where a week runs into the month before or after. */
  weeks: (CalendarDay | null)[][];
  /** Scheduled articles in the month. */
  total: number;
};

/**
 * A month laid out as weeks, Monday first, each day holding the entries whose day (already read
 * in the site's time zone) falls on it, in time order.
 */
export function buildMonthCalendar({
  month,
  today,
  entries,
}: {
  month: string;
  /** `YYYY-MM-DD` in the site's time zone. */
  today: string;
  entries: (CalendarEntry & { day: string })[];
}): MonthCalendar {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const leadingBlanks = (new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay() + 6) % 7;
  const byDay = new Map<string, CalendarEntry[]>();
  for (const { day, ...entry } of [...entries].sort((left, right) => left.iso.localeCompare(right.iso))) {
    if (!day.startsWith(`${month}-`)) continue;
    byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  }
  const cells: (CalendarDay | null)[] = Array.from({ length: leadingBlanks }, () => null);
  for (let dayOfMonth = 1; dayOfMonth <= daysInMonth; dayOfMonth++) {
    const day = `${month}-${String(dayOfMonth).padStart(2, '0')}`;
    cells.push({ day, dayOfMonth, isToday: day === today, entries: byDay.get(day) ?? [] });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  const previousMonth = shiftMonth({ month, by: -1 });
  const nextMonth = shiftMonth({ month, by: 1 });
  return {
    month,
    label: monthLabel(month),
    previousMonth,
    previousLabel: monthLabel(previousMonth),
    nextMonth,
    nextLabel: monthLabel(nextMonth),
    isCurrentMonth: today.startsWith(`${month}-`),
    weeks,
    total: [...byDay.values()].reduce((sum, list) => sum + list.length, 0),
  };
}

/** `2025-04` moved by a number of months (`2025-01` back one is `2024-12`). */
export function shiftMonth({ month, by }: { month: string; by: number }): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const shifted = new Date(Date.UTC(year, monthNumber - 1 + by, 1));
  return `${String(shifted.getUTCFullYear()).padStart(4, '0')}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * UTC instants safely around a month in any time zone (offsets stay within a day of UTC): the
 * query fetches this window, and the day keys decide what belongs to the month.
 */
export function monthQueryWindow(month: string): { from: Date; to: Date } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const day = 24 * 60 * 60 * 1000;
  return { from: new Date(Date.UTC(year, monthNumber - 1, 1) - day), to: new Date(Date.UTC(year, monthNumber, 1) + day) };
}
