import Link from 'next/link';
import type { CalendarDay, MonthCalendar as MonthCalendarData } from '@/lib/articles/desk-dashboard-calendar';
import styles from './dashboard.module.css';

const WEEKDAYS = [
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
  ['Sun', 'Sunday'],
] as const;

/** A month of scheduled publications as a grid of weeks, with links to the months either side. */
export function MonthCalendar({
  calendar,
  timeZone,
  hrefForMonth,
}: {
  calendar: MonthCalendarData;
  timeZone: string;
  hrefForMonth: (month: string | null) => string;
}) {
  return (
    <div>
      <table className={styles.calendar}>
        <caption>
          {calendar.label}: {describeTotal(calendar.total)}, times in {timeZone}
        </caption>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, full]) => (
              <th key={full} scope="col">
                <span aria-hidden="true">{short}</span>
                <span className="visually-hidden">{full}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {calendar.weeks.map((week, weekIndex) => (
            <tr key={weekIndex}>
              {week.map((day, dayIndex) => (day ? <DayCell key={day.day} day={day} /> : <td key={`blank-${dayIndex}`} className={styles.blank} />))}
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Calendar months" className={styles.monthNav}>
        <Link href={hrefForMonth(calendar.previousMonth)}>
          ← <span className="visually-hidden">Previous month, </span>
          {calendar.previousLabel}
        </Link>
        {calendar.isCurrentMonth ? null : <Link href={hrefForMonth(null)}>This month</Link>}
        <Link href={hrefForMonth(calendar.nextMonth)}>
          <span className="visually-hidden">Next month, </span>
          {calendar.nextLabel} →
        </Link>
      </nav>
    </div>
  );
}

function DayCell({ day }: { day: CalendarDay }) {
  return (
    <td className={day.isToday ? styles.today : undefined} aria-current={day.isToday ? 'date' : undefined}>
      <time dateTime={day.day} className={styles.dayNumber}>
        {day.dayOfMonth}
      </time>
      {day.entries.length > 0 ? (
        <ul className={styles.entries}>
          {day.entries.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.iso}>{entry.time}</time>
              <Link href={`/desk/articles/${entry.id}`}>{entry.title || 'Untitled'}</Link>
              {entry.embargoedUntil ? <span className={styles.embargo}> (embargoed until {entry.embargoedUntil})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </td>
  );
}

function describeTotal(total: number): string {
  if (total === 0) return 'nothing scheduled';
  return total === 1 ? '1 article scheduled' : `${total} articles scheduled`;
}
