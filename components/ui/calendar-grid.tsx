'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatDay, isoDate, MONTH_NAMES, shiftDay, type CalendarDay } from './typed-date';
import styles from './date-picker.module.css';

const WEEKDAYS = [
  ['Mo', 'Monday'],
  ['Tu', 'Tuesday'],
  ['We', 'Wednesday'],
  ['Th', 'Thursday'],
  ['Fr', 'Friday'],
  ['Sa', 'Saturday'],
  ['Su', 'Sunday'],
] as const;

type Props = {
  /** The day that has focus when the calendar opens. */
  start: CalendarDay;
  chosen: CalendarDay | null;
  today: CalendarDay;
  min?: string;
  max?: string;
  onPick: (day: CalendarDay) => void;
  onClose: () => void;
};

/**
 * A month grid after the WAI-ARIA date picker dialog: arrows move by day and week, Home and End to the week's
 * ends, Page Up and Page Down by month (with Shift, by year), Enter picks, Escape closes.
 */
export function CalendarGrid({ start, chosen, today, min, max, onPick, onClose }: Props) {
  const [focused, setFocused] = useState(start);
  const isGridFocusWanted = useRef(true);
  const gridRef = useRef<HTMLTableElement>(null);
  const headingId = useId();
  const focusedIso = isoDate(focused);

  useEffect(() => {
    if (!isGridFocusWanted.current) return;
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-day="${focusedIso}"]`)?.focus();
  }, [focusedIso]);

  const isOutOfRange = (iso: string) => Boolean((min && iso < min) || (max && iso > max));
  const moveTo = (day: CalendarDay, { isGridFocused }: { isGridFocused: boolean }) => {
    isGridFocusWanted.current = isGridFocused;
    setFocused(day);
  };
  const pick = (day: CalendarDay) => {
    if (!isOutOfRange(isoDate(day))) onPick(day);
  };

  const onDayKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const weekday = weekdayOf(focused);
    const moves: Record<string, () => CalendarDay> = {
      ArrowLeft: () => shiftDay(focused, { days: -1 }),
      ArrowRight: () => shiftDay(focused, { days: 1 }),
      ArrowUp: () => shiftDay(focused, { days: -7 }),
      ArrowDown: () => shiftDay(focused, { days: 7 }),
      Home: () => shiftDay(focused, { days: -weekday }),
      End: () => shiftDay(focused, { days: 6 - weekday }),
      PageUp: () => shiftDay(focused, { months: event.shiftKey ? -12 : -1 }),
      PageDown: () => shiftDay(focused, { months: event.shiftKey ? 12 : 1 }),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(move(), { isGridFocused: true });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(focused);
    }
  };

  const first = { year: focused.year, month: focused.month, day: 1 };
  const gridStart = shiftDay(first, { days: -weekdayOf(first) });
  const weeks = Array.from({ length: 6 }, (_, week) => Array.from({ length: 7 }, (_, weekday) => shiftDay(gridStart, { days: week * 7 + weekday })));
  const todayIso = isoDate(today);
  const chosenIso = chosen ? isoDate(chosen) : null;

  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      className={styles.calendar}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <div className={styles.calendarHeader}>
        <button type="button" className={styles.monthButton} aria-label="Previous month" onClick={() => moveTo(shiftDay(focused, { months: -1 }), { isGridFocused: false })}>
          ‹
        </button>
        <p id={headingId} className={styles.monthName} aria-live="polite">
          {MONTH_NAMES[focused.month - 1]} {focused.year}
        </p>
        <button type="button" className={styles.monthButton} aria-label="Next month" onClick={() => moveTo(shiftDay(focused, { months: 1 }), { isGridFocused: false })}>
          ›
        </button>
      </div>
      <table ref={gridRef} role="grid" aria-labelledby={headingId} className={styles.grid}>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" abbr={long}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((days) => (
            <tr key={isoDate(days[0]!)}>
              {days.map((day) => {
                const iso = isoDate(day);
                const isOtherMonth = day.month !== focused.month;
                return (
                  <td key={iso} aria-selected={iso === chosenIso}>
                    <button
                      type="button"
                      data-day={iso}
                      tabIndex={iso === focusedIso ? 0 : -1}
                      aria-label={formatDay(day)}
                      aria-current={iso === todayIso ? 'date' : undefined}
                      aria-disabled={isOutOfRange(iso) || undefined}
                      className={[styles.day, isOtherMonth ? styles.otherMonth : '', iso === chosenIso ? styles.chosen : ''].join(' ')}
                      onClick={() => {
                        moveTo(day, { isGridFocused: true });
                        pick(day);
                      }}
                      onKeyDown={onDayKeyDown}
                    >
                      {day.day}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.calendarHint}>Arrows move by day, Page Up and Page Down by month; Enter picks.</p>
    </div>
  );
}

/** Monday 0 … Sunday 6, as the desk's weeks run. */
function weekdayOf({ year, month, day }: CalendarDay): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}
