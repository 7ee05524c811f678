import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { DeskPager } from '@/components/desk/desk-pager';
import { DeskTable } from '@/components/desk/desk-table';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { listRedirects } from '@/lib/migration/redirects/redirects';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { AddRedirectForm, ImportRedirectsForm, RemoveRedirectButton } from './redirect-forms.client';

export const metadata: Metadata = { title: 'Redirects', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ORIGIN_LABELS: Record<string, string> = { manual: 'Added here', csv: 'CSV import', wordpress: 'WordPress import', ghost: 'Ghost import', masthead: 'Masthead import' };

/** Old addresses that answer 301 to new ones: imported permalinks and hand-made redirects, with how often each is followed. */
export default async function RedirectsPage({ searchParams }: Props) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/redirects' });
  if (!can({ role: staff.role, action: 'redirect.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Redirects</h1>
        <p>Editors and administrators keep old addresses working. Ask one if a link to an old page is broken.</p>
      </DeskShell>
    );
  }
  const params = await searchParams;
  const query = typeof params.q === 'string' ? params.q : '';
  const list = listRedirects({ query, page: Number(typeof params.page === 'string' ? params.page : 1) });
  const { timeZone } = getSiteSettings();
  const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const pageHref = (page: number) => `/desk/redirects?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(page) }).toString()}`;
  return (
    <DeskShell staff={staff} isWide>
      <h1>Redirects</h1>
      <p className="hint">
        A reader who follows an old address is sent on to its new one (301). A published article or issue at the same address is shown instead of its redirect. Last hits are in {timeZone}.
      </p>
      <form method="get" action="/desk/redirects" role="search" aria-label="Search redirects" className="filter-bar">
        <label className="filter-field">
          Address contains
          <input type="search" name="q" defaultValue={query} />
        </label>
        <Button type="submit">Search</Button>
        {query ? <Link href="/desk/redirects">Show all</Link> : null}
        <a href="/api/desk/redirects/export" download>
          Export all as CSV
        </a>
      </form>
      {list.rows.length === 0 ? (
        <EmptyState isAnnounced={Boolean(query)}>{query ? `No redirect mentions “${query}”.` : 'No redirects yet. Imports add the old addresses of what they bring in; add one by hand below.'}</EmptyState>
      ) : (
        <DeskTable
          columns={['From', 'To', 'Origin', 'Hits', 'Last hit']}
          hasActions
          caption={
            <>
              {list.total} {list.total === 1 ? 'redirect' : 'redirects'}
              {list.pageCount > 1 ? `, page ${list.page} of ${list.pageCount}` : ''}
            </>
          }
        >
          {list.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <code>{row.fromPath}</code>
              </td>
              <td>
                <code>{row.toPath}</code>
              </td>
              <td>{ORIGIN_LABELS[row.origin] ?? row.origin}</td>
              <td>{row.hits}</td>
              <td>{row.lastHitAt ? <time dateTime={row.lastHitAt.toISOString()}>{stamp.format(row.lastHitAt)}</time> : 'Never'}</td>
              <td>
                <RemoveRedirectButton id={row.id} fromPath={row.fromPath} />
              </td>
            </tr>
          ))}
        </DeskTable>
      )}
      <DeskPager page={list.page} pageCount={list.pageCount} hrefFor={pageHref} />
      <h2>Add a redirect</h2>
      <AddRedirectForm />
      <h2>Import from CSV</h2>
      <ImportRedirectsForm />
    </DeskShell>
  );
}
