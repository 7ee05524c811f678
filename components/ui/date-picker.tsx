'use client';

import { useId, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import { wallClockParts } from '@/lib/platform/time/zoned-time';
import { CalendarGrid } from './calendar-grid';
import { useLabelText } from './use-label-text';
import { readPickerText, type PickerProblem, type PickerText } from './read-picker-text';
import { dayOfIso, formatDay, isoDate, parseTypedDate, parseTypedTime, isoTime, type CalendarDay } from './typed-date';
import styles from './date-picker.module.css';

type Props = {
  /** `datetime` adds a time field and submits `YYYY-MM-DDTHH:mm`, as a datetime-local input does. */
  mode?: 'date' | 'datetime';
  /** Submitted with the form through a hidden input. */
  name?: string;
  /** Given to the date field, so a label can point at it. */
  id?: string;
  value?: string;
  defaultValue?: string;
  /** Called with each complete, valid value (or '' when emptied). */
  onChange?: (value: string) => void;
  /** `YYYY-MM-DD` bounds; days outside them cannot be picked. */
  min?: string;
  max?: string;
  /** The zone times are read in, shown beside the time field; it also decides which day is today. */
  timeZone?: string;
  required?: boolean;
  disabled?: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true';
};

/**
 * A date (or date and time) field that takes typed dates in the forms people write them and offers a calendar.
 * A date it cannot read is named in an error and holds the form back, rather than being sent as nothing.
 */
export function DatePicker({
  mode = 'date',
  name,
  id,
  value,
  defaultValue = '',
  onChange,
  min,
  max,
  timeZone,
  required = false,
  disabled = false,
  ...aria
}: Props) {
  const isTimed = mode === 'datetime';
  const [text, setText] = useState<PickerText>(() => textOf(value ?? defaultValue));
  const [syncedValue, setSyncedValue] = useState(value);
  const [shownParts, setShownParts] = useState<ReadonlySet<PickerProblem['part']>>(new Set());
  const [calendarStart, setCalendarStart] = useState<CalendarDay | null>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const ownId = useId();
  const dateId = id ?? `${ownId}-date`;
  const errorId = `${ownId}-error`;
  const labelText = useLabelText(dateRef);

  // A new value from the parent (a reset, a saved answer) replaces what was typed.
  if (value !== undefined && value !== syncedValue) {
    setSyncedValue(value);
    setText(textOf(value));
  }

  const reading = readPickerText({ text, isTimed, min, max, isRequired: required });
  const problem = reading.ok ? null : reading;
  const shownError = problem && shownParts.has(problem.part) ? problem.error : null;

  useLayoutEffect(() => {
    dateRef.current?.setCustomValidity(problem?.error ?? '');
  }, [problem?.error]);

  const update = (next: PickerText) => {
    setText(next);
    const nextReading = readPickerText({ text: next, isTimed, min, max, isRequired: required });
    if (!nextReading.ok || nextReading.value === (value ?? (reading.ok ? reading.value : null))) return;
    setSyncedValue(nextReading.value);
    onChange?.(nextReading.value);
  };
  const showProblems = (...parts: PickerProblem['part'][]) => setShownParts((shown) => new Set([...shown, ...parts]));
  const tidy = (next: PickerText) => {
    const date = parseTypedDate(next.date);
    const time = parseTypedTime(next.time);
    return { date: date.ok ? formatDay(date.value) : next.date, time: time.ok && next.time.trim() ? isoTime(time.value) : next.time };
  };

  const openCalendar = () => {
    const typed = parseTypedDate(text.date);
    const today = todayIn(timeZone);
    const start = typed.ok ? typed.value : clamp(today, { min, max });
    setCalendarStart(start);
  };
  const closeCalendar = () => {
    setCalendarStart(null);
    buttonRef.current?.focus();
  };
  const closeWhenFocusLeaves = (event: FocusEvent<HTMLDivElement>) => {
    if (calendarStart && !event.currentTarget.contains(event.relatedTarget as Node | null)) setCalendarStart(null);
  };

  const describedBy = [aria['aria-describedby'], shownError ? errorId : null].filter(Boolean).join(' ') || undefined;
  const isInvalid = aria['aria-invalid'] || Boolean(shownError) || undefined;
  const submitted = reading.ok ? reading.value : [text.date, text.time].filter(Boolean).join(' ');

  return (
    <div className={styles.picker} onBlur={closeWhenFocusLeaves}>
      <div className={styles.fields}>
        <input
          ref={dateRef}
          id={dateId}
          type="text"
          className={styles.dateInput}
          value={text.date}
          placeholder="e.g. 3 April 2025"
          autoComplete="off"
          disabled={disabled}
          required={required}
          aria-label={labelText}
          aria-describedby={describedBy}
          aria-invalid={isInvalid}
          onChange={(event) => update({ ...text, date: event.target.value })}
          onBlur={() => {
            setText(tidy(text));
            showProblems('date');
          }}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown' || !event.altKey) return;
            event.preventDefault();
            openCalendar();
          }}
          onInvalid={() => showProblems('date', 'time', 'both')}
        />
        <button
          ref={buttonRef}
          type="button"
          className={styles.calendarButton}
          aria-label="Choose the date from a calendar"
          aria-haspopup="dialog"
          aria-expanded={calendarStart !== null}
          disabled={disabled}
          onClick={() => (calendarStart ? setCalendarStart(null) : openCalendar())}
        >
          <span aria-hidden="true" className={styles.calendarIcon} />
        </button>
        {isTimed ? (
          <span className={styles.timeGroup}>
            <input
              type="text"
              className={styles.timeInput}
              value={text.time}
              placeholder="HH:MM"
              inputMode="numeric"
              autoComplete="off"
              disabled={disabled}
              aria-label={timeZone ? `Time (${timeZone})` : 'Time'}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
              onChange={(event) => update({ ...text, time: event.target.value })}
              onBlur={() => {
                setText(tidy(text));
                showProblems('time', 'both');
              }}
            />
            {timeZone ? <span className={styles.zone}>{timeZone.replaceAll('_', ' ')} time</span> : null}
          </span>
        ) : null}
      </div>
      {name ? <input type="hidden" name={name} value={submitted} disabled={disabled} /> : null}
      {calendarStart ? (
        <CalendarGrid
          start={calendarStart}
          chosen={dayOfIso(reading.ok ? reading.value : '')}
          today={todayIn(timeZone)}
          min={min}
          max={max}
          onPick={(day) => {
            update({ ...text, date: formatDay(day) });
            setShownParts(new Set());
            closeCalendar();
          }}
          onClose={closeCalendar}
        />
      ) : null}
      {shownError ? (
        <span id={errorId} className="field-error" role="alert">
          {shownError}
        </span>
      ) : null}
    </div>
  );
}

function textOf(value: string): PickerText {
  const day = dayOfIso(value);
  // A stored value the picker cannot read stays in view, so saving the form never drops it.
  return { date: day ? formatDay(day) : value, time: /T(\d{2}:\d{2})/.exec(value)?.[1] ?? '' };
}

function todayIn(timeZone: string | undefined): CalendarDay {
  if (timeZone) return wallClockParts({ instant: new Date(), timeZone });
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function clamp(day: CalendarDay, { min, max }: { min?: string; max?: string }): CalendarDay {
  const iso = isoDate(day);
  if (min && iso < min) return dayOfIso(min) ?? day;
  if (max && iso > max) return dayOfIso(max) ?? day;
  return day;
}
