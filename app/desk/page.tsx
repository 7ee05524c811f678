import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { AllArticlesTable } from '@/components/desk/dashboard/all-articles-table';
import dashboardStyles from '@/components/desk/dashboard/dashboard.module.css';
import { DashboardFilterForm } from '@/components/desk/dashboard/dashboard-filter-form';
import { DASHBOARD_GROUP_TEXT, DashboardGroupSection } from '@/components/desk/dashboard/dashboard-group-section';
import { MonthCalendar } from '@/components/desk/dashboard/month-calendar';
import { ScheduledDays } from '@/components/desk/dashboard/scheduled-days';
import { DeskShell } from '@/app/desk/desk-shell';
import { getDeskDashboard, type DeskDashboard } from '@/lib/articles/desk-dashboard';
import { dashboardSearch, type RawSearchParams } from '@/lib/articles/desk-dashboard-query';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { countUsers } from '@/lib/staff/users/create-staff-user';
import { FirstAdminForm } from './first-admin-form.client';

export const metadata: Metadata = { title: 'Desk', robots: { index: false } };

type Props = { searchParams: Promise<RawSearchParams> };

export default async function DeskPage({ searchParams }: Props) {
  await connection();
  if (countUsers() === 0) {
    return (
      <main className="login" id="main">
        <h1>Create the first administrator</h1>
        <p>This Masthead has no staff accounts yet. The account you create here can then invite everyone else.</p>
        <FirstAdminForm />
      </main>
    );
  }
  const staff = await requireStaff({ returnTo: '/desk' });
  const dashboard = getDeskDashboard({ actor: staff, query: await searchParams });
  const { timeZone, scheduled } = dashboard;
  const hrefForMonth = (month: string | null) => `/desk${dashboardSearch({ filters: dashboard.filters, month })}#scheduled`;
  return (
    <DeskShell staff={staff} isWide>
      <h1>Dashboard</h1>
      <p>
        <Link href="/desk/articles/new">Start a new article</Link>
      </p>
      <p className="hint">Times are in {timeZone}, the site’s time zone.</p>
      <DashboardFilterForm dashboard={dashboard} />
      <div aria-live="polite">
        {dashboard.notes.map((note) => (
          <p key={note} role="status" className={dashboardStyles.note}>
            {note}
          </p>
        ))}
      </div>
      <nav aria-label="Dashboard groups">
        <ul className={dashboardStyles.overview}>
          {dashboard.groups.map((group) => (
            <li key={group.key}>
              <a href={`#${DASHBOARD_GROUP_TEXT[group.key].anchor}`}>
                {DASHBOARD_GROUP_TEXT[group.key].title} <span className={dashboardStyles.count}>{group.count}</span>
              </a>
            </li>
          ))}
          <li>
            <a href="#scheduled">
              Scheduled <span className={dashboardStyles.count}>{scheduled.count}</span>
            </a>
          </li>
          <li>
            <a href="#all-articles">
              All <span className={dashboardStyles.count}>{dashboard.all.total}</span>
            </a>
          </li>
        </ul>
      </nav>
      <div className={dashboardStyles.groups}>
        {dashboard.groups
          .filter((group) => group.key !== 'recentlyPublished')
          .map((group) => (
            <DashboardGroupSection key={group.key} group={group} timeZone={timeZone} />
          ))}
      </div>
      <section id="scheduled" aria-labelledby="scheduled-heading" className={dashboardStyles.scheduled}>
        <h2 id="scheduled-heading">
          Scheduled <span className={dashboardStyles.count}>{scheduled.count}</span>
        </h2>
        <div className={dashboardStyles.scheduledLayout}>
          <ScheduledDays days={scheduled.days} timeZone={timeZone} />
          <MonthCalendar calendar={scheduled.calendar} timeZone={timeZone} hrefForMonth={hrefForMonth} />
        </div>
      </section>
      <div className={dashboardStyles.groups}>
        {dashboard.groups
          .filter((group) => group.key === 'recentlyPublished')
          .map((group) => (
            <DashboardGroupSection key={group.key} group={group} timeZone={timeZone} />
          ))}
      </div>
      <section id="all-articles" aria-labelledby="all-articles-heading">
        <h2 id="all-articles-heading">All articles</h2>
        <p className="meta" role="status">
          {describeAll(dashboard)}
        </p>
        {dashboard.all.articles.length === 0 ? null : <AllArticlesTable articles={dashboard.all.articles} timeZone={timeZone} />}
      </section>
    </DeskShell>
  );
}

function describeAll({ all, isFiltered }: DeskDashboard): string {
  if (all.total === 0) return isFiltered ? 'No articles match these filters.' : 'No articles yet.';
  const noun = all.total === 1 ? 'article' : 'articles';
  const counted = isFiltered ? `${all.total} ${noun} match these filters` : `${all.total} ${noun}`;
  if (all.articles.length < all.total) return `${counted}; the ${all.articles.length} most recently updated are listed.`;
  return `${counted}.`;
}
