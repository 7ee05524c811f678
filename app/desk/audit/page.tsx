import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import type { AuditEntryView } from '@/lib/staff/audit/audit-entry-view';
import { listAuditEntries } from '@/lib/staff/audit/list-audit-entries';
import { listAuditFacets } from '@/lib/staff/audit/list-audit-facets';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { DeskTable } from '@/components/desk/desk-table';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Select as SearchableSelect } from '@/components/ui/select';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false } };

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The whole site's audit log with filters in the address, so a filtered view can be shared. */
export default async function AuditPage({ searchParams }: Props) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/audit' });
  if (!can({ role: staff.role, action: 'audit.view' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Audit log</h1>
        <p>You are not allowed to read the site’s audit log; editors and administrators can. The log of your own articles is under each article.</p>
      </DeskShell>
    );
  }
  const params = await searchParams;
  const facets = listAuditFacets({ actor: staff });
  const subjectType = facets.subjectTypes.find((option) => option === first(params.type)) ?? '';
  const action = facets.actions.find((option) => option === first(params.action)) ?? '';
  const actorId = positive(first(params.actor));
  const subjectId = positive(first(params.subject));
  const filters = { type: subjectType, action, actor: actorId ? String(actorId) : '', subject: subjectId ? String(subjectId) : '' };
  const page = listAuditEntries({
    actor: staff,
    subjectType: subjectType || null,
    subjectId,
    action: action || null,
    actorId,
    before: positive(first(params.before)),
    limit: PAGE_SIZE,
  });
  const { timeZone } = getSiteSettings();
  const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone });
  const isFiltered = Object.values(filters).some((value) => value !== '');
  return (
    <DeskShell staff={staff} isWide>
      <h1>Audit log</h1>
      <p className="meta">Every change staff and the site made, newest first. Times are in {timeZone}.</p>
      <form method="get" action="/desk/audit" aria-label="Filter the audit log" className="filter-bar">
        <Select label="Kind of thing" name="type" value={subjectType} options={facets.subjectTypes.map((value) => ({ value, label: value }))} allLabel="Everything" />
        <label className="filter-field">
          Its id
          <input name="subject" inputMode="numeric" pattern="[0-9]*" defaultValue={filters.subject} size={6} />
        </label>
        <Select label="Action" name="action" value={action} options={facets.actions.map((value) => ({ value, label: value }))} allLabel="All actions" />
        <Select label="Who" name="actor" value={filters.actor} options={facets.actors.map((person) => ({ value: String(person.id), label: person.name }))} allLabel="Anyone" />
        <Button type="submit">Filter</Button>
        {isFiltered ? <Link href="/desk/audit">Show all</Link> : null}
      </form>
      {page.entries.length === 0 ? (
        <EmptyState isAnnounced>{isFiltered ? 'No entries match these filters.' : 'Nothing has been recorded yet.'}</EmptyState>
      ) : (
        <DeskTable columns={['When', 'Who', 'Action', 'On', 'Note']}>
          {page.entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.createdAt.toISOString()}>{stamp.format(entry.createdAt)}</time>
              </td>
              <td>{entry.actorName ?? (entry.actorId === null ? 'The site' : 'A former staff member')}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                <Subject entry={entry} />
              </td>
              <td>
                {entry.note}
                {entry.data && Object.keys(entry.data).length > 0 ? (
                  <details>
                    <summary>Details</summary>
                    <pre className="preformatted">{JSON.stringify(entry.data, null, 2)}</pre>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </DeskTable>
      )}
      <nav aria-label="Pages" className="pager">
        {first(params.before) ? <Link href={hrefFor({ filters, before: null })}>← Newest</Link> : null}
        {page.nextBefore ? <Link href={hrefFor({ filters, before: page.nextBefore })}>Older entries →</Link> : null}
      </nav>
    </DeskShell>
  );
}

function Subject({ entry }: { entry: AuditEntryView }) {
  const label = entry.subjectLabel ?? (entry.subjectId === null ? entry.subjectType : `${entry.subjectType} ${entry.subjectId}`);
  const href = subjectHref(entry);
  const filterHref = entry.subjectId === null ? null : `/desk/audit?type=${encodeURIComponent(entry.subjectType)}&subject=${entry.subjectId}`;
  return (
    <>
      {href ? <Link href={href}>{label}</Link> : label}
      {filterHref ? (
        <>
          {' '}
          <Link href={filterHref} className="meta" aria-label={`Only entries about ${label}`}>
            (only this)
          </Link>
        </>
      ) : null}
    </>
  );
}

function subjectHref(entry: AuditEntryView): string | null {
  if (entry.subjectId === null) return entry.subjectType === 'settings' ? '/desk/settings' : null;
  if (entry.subjectType === 'article') return `/desk/articles/${entry.subjectId}`;
  if (entry.subjectType === 'entity') return `/desk/entities/${entry.subjectId}`;
  if (entry.subjectType === 'contributor') return `/desk/staff/contributors/${entry.subjectId}`;
  if (entry.subjectType === 'user') return '/desk/staff';
  return null;
}

function Select({ label, name, value, options, allLabel }: { label: string; name: string; value: string; options: { value: string; label: string }[]; allLabel: string }) {
  return (
    <label className="filter-field">
      {label}
      <SearchableSelect name={name} defaultValue={value} emptyLabel={allLabel} options={options} />
    </label>
  );
}

function hrefFor({ filters, before }: { filters: Record<string, string>; before: number | null }): string {
  const search = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  if (before) search.set('before', String(before));
  const query = search.toString();
  return query ? `/desk/audit?${query}` : '/desk/audit';
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function positive(value: string | undefined): number | null {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
}
