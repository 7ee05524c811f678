import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { dayOf } from '@/lib/access/day-bounds';
import { listInstitutions } from '@/lib/access/institutions/list-institutions';
import { listTiers } from '@/lib/access/tiers/list-tiers';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { MembersFrame } from '../../members-frame';
import { DeleteInstitutionButton, InstitutionForm } from '../institution-forms.client';

export const metadata: Metadata = { title: 'Institution', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** One institution's rules, to change or delete, and a link to its usage report. */
export default async function InstitutionPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/members/institutions/${id}` });
  if (!can({ role: staff.role, action: 'member.manage' })) return <MembersFrame staff={staff} current="institutions" title="Institution">{null}</MembersFrame>;
  const institution = listInstitutions().find((row) => String(row.id) === id);
  if (!institution) notFound();
  const { timeZone } = getSiteSettings();
  const tiers = listTiers().map((tier) => ({ id: tier.id, name: tier.name }));
  return (
    <MembersFrame staff={staff} current="institutions" title={institution.name}>
      <p>
        <Link href={`/desk/members/institutions/${institution.id}/usage`}>Usage report</Link> · <Link href="/desk/members/institutions">All institutions</Link>
      </p>
      <InstitutionForm
        tiers={tiers}
        today={dayOf({ instant: new Date(), timeZone })}
        institution={{
          id: institution.id,
          name: institution.name,
          tierId: institution.tierId ? String(institution.tierId) : '',
          seats: institution.seats ? String(institution.seats) : '',
          startsOn: dayOf({ instant: institution.startsAt, timeZone }),
          endsOn: institution.endsAt ? dayOf({ instant: institution.endsAt, timeZone, isEnd: true }) : '',
          contactEmail: institution.contactEmail,
          ipRanges: institution.ranges.join('\n'),
          domains: institution.domains.join('\n'),
          note: '',
        }}
      />
      <h2>Delete</h2>
      <DeleteInstitutionButton id={institution.id} name={institution.name} />
    </MembersFrame>
  );
}
