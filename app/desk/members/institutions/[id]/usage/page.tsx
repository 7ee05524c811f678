import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { listInstitutionUsage } from '@/lib/access/institutions/institution-usage';
import { listInstitutions } from '@/lib/access/institutions/list-institutions';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { DeskTable } from '@/components/desk/desk-table';
import { MembersFrame } from '../../../members-frame';

export const metadata: Metadata = { title: 'Institution usage', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** Gated article views let in by one institution, per month, for its librarian. */
export default async function InstitutionUsagePage({ params }: Props) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/members/institutions/${id}/usage` });
  if (!can({ role: staff.role, action: 'member.manage' })) return <MembersFrame staff={staff} current="institutions" title="Usage">{null}</MembersFrame>;
  const institution = listInstitutions().find((row) => String(row.id) === id);
  if (!institution) notFound();
  const usage = listInstitutionUsage(institution.id);
  const total = usage.reduce((sum, row) => sum + row.views, 0);
  return (
    <MembersFrame staff={staff} current="institutions" title={`Usage: ${institution.name}`}>
      <p>
        <Link href={`/desk/members/institutions/${institution.id}`}>Back to {institution.name}</Link>
        {institution.contactEmail ? ` · Librarian: ${institution.contactEmail}` : ''}
      </p>
      <p className="hint">Members-only articles read by this institution’s readers, per calendar month in the site’s time zone.</p>
      {usage.length === 0 ? (
        <p>No views yet.</p>
      ) : (
        <>
          <DeskTable
            columns={['Month', 'Views']}
            caption={
              <>
                {total} {total === 1 ? 'view' : 'views'} in {usage.length} {usage.length === 1 ? 'month' : 'months'}
              </>
            }
          >
            {usage.map((row) => (
              <tr key={row.month}>
                <th scope="row">{row.month}</th>
                <td>{row.views}</td>
              </tr>
            ))}
          </DeskTable>
          <p>
            <a href={`/api/desk/members/institutions/${institution.id}/usage`} download>
              Download as CSV
            </a>
          </p>
        </>
      )}
    </MembersFrame>
  );
}
