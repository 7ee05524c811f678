import { instantToWallTime, wallTimeToInstant } from '@/lib/platform/time/zoned-time';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a calendar day (`YYYY-MM-DD`) begins in `timeZone`, or null when the text is no real date. */
export function startOfDay({ date, timeZone }: { date: string; timeZone: string }): Date | null {
  if (!DATE.test(date.trim())) return null;
  return wallTimeToInstant({ wallTime: `${date.trim()}T00:00`, timeZone });
}

/** The instant a calendar day ends in `timeZone` (the next day's start): access granted "until 31 March" lasts all that day. */
export function endOfDay({ date, timeZone }: { date: string; timeZone: string }): Date | null {
  const start = startOfDay({ date, timeZone });
  if (!start) return null;
  const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1));
  return wallTimeToInstant({ wallTime: `${next.toISOString().slice(0, 10)}T00:00`, timeZone });
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`; for an end instant, pass `isEnd` to name the last day it covers. */
export function dayOf({ instant, timeZone, isEnd = false }: { instant: Date; timeZone: string; isEnd?: boolean }): string {
  return instantToWallTime({ instant: isEnd ? new Date(instant.getTime() - 1) : instant, timeZone }).slice(0, 10);
}
