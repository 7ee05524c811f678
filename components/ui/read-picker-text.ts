import { formatDay, isoDate, isoTime, parseTypedDate, parseTypedTime } from './typed-date';

export type PickerText = { date: string; time: string };
/** Which field a problem belongs to; `both` is a missing half, shown once the person has had a chance at both. */
export type PickerProblem = { error: string; part: 'date' | 'time' | 'both' };
export type PickerReading = { ok: true; value: string } | ({ ok: false } & PickerProblem);

/**
 * What the picker's text fields submit: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` when a time is asked for (the
 * formats date and datetime-local inputs send), '' when both are empty, or the problem a person must fix.
 */
export function readPickerText({
  text,
  isTimed,
  min,
  max,
  isRequired,
}: {
  text: PickerText;
  isTimed: boolean;
  min?: string;
  max?: string;
  isRequired: boolean;
}): PickerReading {
  const dateText = text.date.trim();
  const timeText = isTimed ? text.time.trim() : '';
  if (!dateText && !timeText) {
    return isRequired ? { ok: false, part: 'both', error: isTimed ? 'Enter a date and a time.' : 'Enter a date.' } : { ok: true, value: '' };
  }
  if (!dateText) return { ok: false, part: 'both', error: 'Add a date as well, like 3 April 2025.' };
  const date = parseTypedDate(dateText);
  if (!date.ok) return { ok: false, part: 'date', error: date.error };
  const day = isoDate(date.value);
  if (min && day < min) return { ok: false, part: 'date', error: `Choose a day on or after ${formatIso(min)}.` };
  if (max && day > max) return { ok: false, part: 'date', error: `Choose a day on or before ${formatIso(max)}.` };
  if (!isTimed) return { ok: true, value: day };
  if (!timeText) return { ok: false, part: 'both', error: 'Add a time as well, like 09:30.' };
  const time = parseTypedTime(timeText);
  if (!time.ok) return { ok: false, part: 'time', error: time.error };
  return { ok: true, value: `${day}T${isoTime(time.value)}` };
}

function formatIso(iso: string): string {
  const parsed = parseTypedDate(iso);
  return parsed.ok ? formatDay(parsed.value) : iso;
}
