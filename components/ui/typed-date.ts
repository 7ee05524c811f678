import { formatDate } from './format-date';

export type CalendarDay = { year: number; month: number; day: number };
export type ClockTime = { hour: number; minute: number };
export type Parsed<Value> = { ok: true; value: Value } | { ok: false; error: string };

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i;
const MONTH_FIRST = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const TIME = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i;

/** Reads a date as people type it: 2025-04-03, 3/4/2025 (day first), 3 April 2025, 3 Apr 2025 or April 3, 2025. */
export function parseTypedDate(text: string): Parsed<CalendarDay> {
  const trimmed = text.trim();
  const unreadable = { ok: false as const, error: `“${trimmed}” is not a date the desk can read. Type it like 3 April 2025 or 2025-04-03.` };
  let fields: [number, number, number] | null = null;
  const iso = ISO.exec(trimmed);
  const numeric = NUMERIC.exec(trimmed);
  const dayFirst = DAY_FIRST.exec(trimmed);
  const monthFirst = MONTH_FIRST.exec(trimmed);
  if (iso) fields = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) fields = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (dayFirst) fields = [Number(dayFirst[3]), monthNumber(dayFirst[2]!), Number(dayFirst[1])];
  else if (monthFirst) fields = [Number(monthFirst[3]), monthNumber(monthFirst[1]!), Number(monthFirst[2])];
  if (!fields) return unreadable;
  const [year, month, day] = fields;
  if (month < 1 || month > 12) return unreadable;
  if (day < 1 || day > daysInMonth({ year, month })) return { ok: false, error: `${MONTH_NAMES[month - 1]} ${year} has no day ${day}.` };
  return { ok: true, value: { year, month, day } };
}

/** Reads a 24-hour time (09:30, 9.30, 17h45) or one with am/pm (9:30 pm). */
export function parseTypedTime(text: string): Parsed<ClockTime> {
  const trimmed = text.trim();
  const match = TIME.exec(trimmed);
  const unreadable = { ok: false as const, error: `“${trimmed}” is not a time. Type it on the 24-hour clock, like 09:30 or 17:45.` };
  if (!match) return unreadable;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const half = match[3]?.toLowerCase().replaceAll('.', '');
  if (half) {
    if (hour < 1 || hour > 12) return unreadable;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return unreadable;
  return { ok: true, value: { hour, minute } };
}

/** `YYYY-MM-DD`, as a date input submits it. */
export function isoDate({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

export function isoTime({ hour, minute }: ClockTime): string {
  return `${pad(hour)}:${pad(minute)}`;
}

/** The day a `YYYY-MM-DD` (or the date part of `YYYY-MM-DDTHH:mm`) names, or null. */
export function dayOfIso(text: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  const parsed = parseTypedDate(`${match[1]}-${match[2]}-${match[3]}`);
  return parsed.ok ? parsed.value : null;
}

/** "3 April 2025": the house style for dates. */
export function formatDay({ year, month, day }: CalendarDay): string {
  return formatDate(new Date(Date.UTC(year, month - 1, day)));
}

export function daysInMonth({ year, month }: { year: number; month: number }): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day a number of days (or months, keeping the day where the month allows) away. */
export function shiftDay(from: CalendarDay, { days = 0, months = 0 }: { days?: number; months?: number }): CalendarDay {
  if (months !== 0) {
    const target = new Date(Date.UTC(from.year, from.month - 1 + months, 1));
    const year = target.getUTCFullYear();
    const month = target.getUTCMonth() + 1;
    return { year, month, day: Math.min(from.day, daysInMonth({ year, month })) };
  }
  const moved = new Date(Date.UTC(from.year, from.month - 1, from.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return 0;
  return MONTH_NAMES.findIndex((month) => month.toLowerCase().startsWith(lower)) + 1;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
