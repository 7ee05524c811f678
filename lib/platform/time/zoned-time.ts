/**
 * Wall-clock times in a named time zone ("2026-05-03T09:30" in Europe/Vienna) and the instants they
 * name. The desk shows and takes times in the site's zone; the database keeps UTC instants.
 */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant a wall-clock time names in `timeZone`, or null when the text is not `YYYY-MM-DDTHH:mm` or names no real moment. */
export function wallTimeToInstant({ wallTime, timeZone }: { wallTime: string; timeZone: string }): Date | null {
  const match = WALL_TIME.exec(wallTime.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(asUtc).getUTCDate() !== day) return null;
  // The zone's offset at the guess, then at the corrected instant (they differ only across a DST change).
  const first = asUtc - offsetAt({ instant: asUtc, timeZone });
  const second = asUtc - offsetAt({ instant: first, timeZone });
  return new Date(second);
}

/** `YYYY-MM-DDTHH:mm` for an instant as the clock reads in `timeZone` (what a datetime-local input shows). */
export function instantToWallTime({ instant, timeZone }: { instant: Date; timeZone: string }): string {
  const parts = partsAt({ instant: instant.getTime(), timeZone });
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

/** "3 May 2026, 09:30 CEST" — for people, in the site's zone, with the zone named. */
export function formatInZone({ instant, timeZone }: { instant: Date; timeZone: string }): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' }).format(instant);
}

function offsetAt({ instant, timeZone }: { instant: number; timeZone: string }): number {
  const parts = partsAt({ instant, timeZone });
  const asIfUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asIfUtc - Math.floor(instant / 1000) * 1000;
}

/** The calendar fields of an instant as a clock in `timeZone` reads it. */
export function wallClockParts({ instant, timeZone }: { instant: Date; timeZone: string }) {
  return partsAt({ instant: instant.getTime(), timeZone });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsAt({ instant, timeZone }: { instant: number; timeZone: string }) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const values = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return {
    year: Number(values.year),
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour),
    minute: Number(values.minute),
    second: Number(values.second),
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
