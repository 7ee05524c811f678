import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { DeskTable } from '@/components/desk/desk-table';
import { IssueStatusLabel } from '@/components/desk/issues/issue-status-label';
import { IssuesTabs } from '@/components/desk/issues/issues-tabs';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { listDeskIssues } from '@/lib/issues/list-desk-issues';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Issues', robots: { index: false } };

export default async function DeskIssuesPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/issues' });
  if (!can({ role: staff.role, action: 'issue.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Issues</h1>
        <p>Editors assemble the issues. To put your article in one, choose its issue in the editor or ask an editor.</p>
      </DeskShell>
    );
  }
  const issues = listDeskIssues({ actor: staff });
  return (
    <DeskShell staff={staff} isWide>
      <h1>Issues</h1>
      <IssuesTabs current="issues" canManageSections={can({ role: staff.role, action: 'section.manage' })} />
      <p>
        <Link href="/desk/issues/new">New issue</Link>
      </p>
      {issues.length === 0 ? (
        <EmptyState>No issues yet.</EmptyState>
      ) : (
        <DeskTable columns={['Issue', 'Volume, number', 'Status', 'Planned for', 'Articles']}>
          {issues.map((issue) => (
            <tr key={issue.id}>
              <td>
                <Link href={`/desk/issues/${issue.id}`}>{issue.title}</Link> <span className="meta">{issue.slug}</span>
              </td>
              <td>
                {issue.volume}, {issue.number}
              </td>
              <td>
                <IssueStatusLabel status={issue.status} />
              </td>
              <td>{issue.plannedPublicationDate ?? '—'}</td>
              <td>{issue.articleCount}</td>
            </tr>
          ))}
        </DeskTable>
      )}
    </DeskShell>
  );
}
