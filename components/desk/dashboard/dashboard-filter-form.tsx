import Link from 'next/link';
import type { ArticleStatus } from '@/lib/articles/article-status';
import type { DashboardOption, DeskDashboard } from '@/lib/articles/desk-dashboard';
import { Select } from '@/components/ui/select';
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
        <Select name="status" defaultValue={filters.status ?? ''} emptyLabel="All statuses" options={STATUSES.map((status) => ({ value: status, label: ARTICLE_STATUS_LABELS[status] }))} />
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
      <Select name={name} defaultValue={value === null ? '' : String(value)} emptyLabel={allLabel} options={options.map((option) => ({ value: String(option.id), label: option.name }))} />
    </label>
  );
}
