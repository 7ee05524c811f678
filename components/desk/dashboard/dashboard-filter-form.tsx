import Link from 'next/link';
import type { ArticleStatus } from '@/lib/articles/article-status';
import type { DashboardOption, DeskDashboard } from '@/lib/articles/desk-dashboard';
import styles from './dashboard.module.css';
import { ARTICLE_STATUS_LABELS } from '@/lib/articles/article-status-labels';
import { Button } from '@/components/ui/button';

const STATUSES = Object.keys(ARTICLE_STATUS_LABELS) as ArticleStatus[];

/** Filters as a plain GET form: works without JavaScript, and the address can be shared. */
export function DashboardFilterForm({ dashboard }: { dashboard: DeskDashboard }) {
  const { filters, options, scheduled } = dashboard;
  return (
    <form method="get" action="/desk" role="search" aria-label="Filter articles" className={styles.filters}>
      <OptionSelect label="Section" name="section" value={filters.sectionId} options={options.sections} allLabel="All sections" />
      <OptionSelect label="Issue" name="issue" value={filters.issueId} options={options.issues} allLabel="All issues" />
      <OptionSelect label="Author" name="author" value={filters.contributorId} options={options.contributors} allLabel="All authors" />
      <label>
        Status
        <select name="status" defaultValue={filters.status ?? ''}>
          <option value="">All statuses</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {ARTICLE_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      {scheduled.calendar.isCurrentMonth ? null : <input type="hidden" name="month" value={scheduled.calendar.month} />}
      <Button type="submit">Filter</Button>
      {dashboard.isFiltered ? <Link href={scheduled.calendar.isCurrentMonth ? '/desk' : `/desk?month=${scheduled.calendar.month}`}>Clear filters</Link> : null}
    </form>
  );
}

function OptionSelect({
  label,
  name,
  value,
  options,
  allLabel,
}: {
  label: string;
  name: string;
  value: number | null;
  options: DashboardOption[];
  allLabel: string;
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value === null ? '' : String(value)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
