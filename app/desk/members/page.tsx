import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskPager } from '@/components/desk/desk-pager';
import { DeskTable } from '@/components/desk/desk-table';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { countMembersByMonth } from '@/lib/access/members/count-members-by-month';
import { listMembers } from '@/lib/access/members/list-members';
import { memberFiltersSchema } from '@/lib/access/members/member-filters-schema';
import { MEMBER_STATUSES } from '@/lib/access/members/member-status';
import { dayOf } from '@/lib/access/day-bounds';
import { listInstitutions } from '@/lib/access/institutions/list-institutions';
import { listTiers } from '@/lib/access/tiers/list-tiers';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { CancelMembershipButton, ExtendMembershipForm, GrantMembershipForm } from './member-forms.client';
import { MembersChart } from './members-chart';
import { MembersFrame } from './members-frame';

export const metadata: Metadata = { title: 'Members', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SOURCE_LABELS = { complimentary: 'Complimentary', import: 'Imported', payment: 'Paid' } as const;
const STATUS_LABELS = { active: 'Active', past_due: 'Payment due', canceled: 'Canceled', expired: 'Expired' } as const;

/** Readers who hold memberships: find, filter, grant, extend, cancel and export them. */
export default async function MembersPage({ searchParams }: Props) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/members' });
  if (!can({ role: staff.role, action: 'member.manage' })) return <MembersFrame staff={staff} current="members" title="Members">{null}</MembersFrame>;
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = memberFiltersSchema.safeParse(params);
  const filters = parsed.success ? parsed.data : { query: '' };
  const list = listMembers({ filters, page: Number(params.page ?? 1) });
  const tiers = listTiers();
  const institutions = listInstitutions();
  const { timeZone } = getSiteSettings();
  const kept = Object.fromEntries(Object.entries(params).filter(([key, value]) => key !== 'page' && value)) as Record<string, string>;
  const query = new URLSearchParams(kept).toString();
  const pageHref = (page: number) => `/desk/members?${new URLSearchParams({ ...kept, page: String(page) }).toString()}`;
  const isFiltered = Object.keys(kept).length > 0;
  return (
    <MembersFrame staff={staff} current="members" title="Members">
      {parsed.success ? null : <p role="alert" className="form-error">Those filters were not understood; showing every member.</p>}
      <form method="get" action="/desk/members" role="search" aria-label="Find members" className="filter-bar">
        <label className="filter-field">
          Email or name
          <input type="search" name="q" defaultValue={params.q ?? ''} />
        </label>
        <label className="filter-field">
          Tier
          <select name="tier" defaultValue={params.tier ?? ''}>
            <option value="">Any tier</option>
            {tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          Status
          <select name="status" defaultValue={params.status ?? ''}>
            <option value="">Any status</option>
            {MEMBER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          Institution
          <select name="institution" defaultValue={params.institution ?? ''}>
            <option value="">Any</option>
            {institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          Source
          <select name="source" defaultValue={params.source ?? ''}>
            <option value="">Any source</option>
            {Object.entries(SOURCE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">Filter</Button>
        {isFiltered ? <Link href="/desk/members">Show all</Link> : null}
        <a href={`/api/desk/members/export${query ? `?${query}` : ''}`} download>
          Export as CSV
        </a>
      </form>
      <p className="hint">An institution’s members are the readers whose address is at one of its email domains. Dates are the last day of access, in {timeZone}.</p>
      {list.rows.length === 0 ? (
        <EmptyState isAnnounced={isFiltered}>{isFiltered ? 'No membership matches these filters.' : 'No members yet. Grant the first below.'}</EmptyState>
      ) : (
        <DeskTable
          columns={['Reader', 'Tier', 'Source', 'Status', 'From', 'Until']}
          hasActions
          caption={
            <>
              {list.total} {list.total === 1 ? 'membership' : 'memberships'}
              {list.pageCount > 1 ? `, page ${list.page} of ${list.pageCount}` : ''}
            </>
          }
        >
          {list.rows.map((row) => {
            const canChange = row.source !== 'payment' && row.status !== 'canceled';
            return (
              <tr key={row.id}>
                <th scope="row">
                  {row.email}
                  {row.name ? <span className="meta"> {row.name}</span> : null}
                </th>
                <td>{row.tierName}</td>
                <td>{SOURCE_LABELS[row.source]}</td>
                <td>{STATUS_LABELS[row.status]}</td>
                <td>{dayOf({ instant: row.startsAt, timeZone })}</td>
                <td>{row.endsAt ? dayOf({ instant: row.endsAt, timeZone, isEnd: true }) : 'Until canceled'}</td>
                <td>
                  {canChange ? (
                    <>
                      <ExtendMembershipForm id={row.id} email={row.email} />
                      <CancelMembershipButton id={row.id} email={row.email} />
                    </>
                  ) : row.source === 'payment' ? (
                    <span className="meta">Changed through the payment provider</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DeskTable>
      )}
      <DeskPager page={list.page} pageCount={list.pageCount} hrefFor={pageHref} />
      <h2>Grant a complimentary membership</h2>
      {tiers.some((tier) => tier.isActive) ? (
        <GrantMembershipForm tiers={tiers.filter((tier) => tier.isActive).map((tier) => ({ id: tier.id, name: tier.name }))} />
      ) : (
        <p>
          Add a tier first: <Link href="/desk/members/tiers">Tiers</Link>.
        </p>
      )}
      <h2>Members by tier</h2>
      <MembersChart data={countMembersByMonth()} />
    </MembersFrame>
  );
}
