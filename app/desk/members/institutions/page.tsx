import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { dayOf } from '@/lib/access/day-bounds';
import { listInstitutions } from '@/lib/access/institutions/list-institutions';
import { listTiers } from '@/lib/access/tiers/list-tiers';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { DeskTable } from '@/components/desk/desk-table';
import { MembersFrame } from '../members-frame';
import { InstitutionForm } from './institution-forms.client';

export const metadata: Metadata = { title: 'Institutions', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Libraries, universities and think tanks whose readers are let in by network address or email domain. */
export default async function InstitutionsPage({ searchParams }: Props) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/members/institutions' });
  if (!can({ role: staff.role, action: 'member.manage' })) return <MembersFrame staff={staff} current="institutions" title="Institutions">{null}</MembersFrame>;
  const { deleted } = await searchParams;
  const institutions = listInstitutions();
  const { timeZone } = getSiteSettings();
  const tiers = listTiers().map((tier) => ({ id: tier.id, name: tier.name }));
  return (
    <MembersFrame staff={staff} current="institutions" title="Institutions">
      {typeof deleted === 'string' ? (
        <p role="status" className="notice">
          Deleted {deleted}.
        </p>
      ) : null}
      <p className="hint">A reader at one of an institution’s IP ranges, or signed in with an address at one of its email domains, reads what its access allows between its first and last day ({timeZone}).</p>
      {institutions.length === 0 ? (
        <p>No institutions yet. Add the first below.</p>
      ) : (
        <DeskTable
          columns={['Institution', 'Access', 'Seats', 'From', 'Until', 'IP ranges', 'Email domains']}
          caption={
            <>
              {institutions.length} {institutions.length === 1 ? 'institution' : 'institutions'}
            </>
          }
        >
          {institutions.map((institution) => (
            <tr key={institution.id}>
              <th scope="row">
                <Link href={`/desk/members/institutions/${institution.id}`}>{institution.name}</Link>
              </th>
              <td>{institution.tierName ?? 'Any member'}</td>
              <td>{institution.seats ?? 'No limit'}</td>
              <td>{dayOf({ instant: institution.startsAt, timeZone })}</td>
              <td>{institution.endsAt ? dayOf({ instant: institution.endsAt, timeZone, isEnd: true }) : 'No end'}</td>
              <td>{institution.ranges.join(', ') || '—'}</td>
              <td>{institution.domains.join(', ') || '—'}</td>
            </tr>
          ))}
        </DeskTable>
      )}
      <h2>New institution</h2>
      <InstitutionForm tiers={tiers} today={dayOf({ instant: new Date(), timeZone })} />
    </MembersFrame>
  );
}
