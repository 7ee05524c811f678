import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { IssueForm } from '@/components/desk/issues/issue-form';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { listCoverOptions } from '@/lib/issues/list-cover-options';
import { suggestNextIssue } from '@/lib/issues/suggest-next-issue';
import { createIssueAction } from '../actions';

export const metadata: Metadata = { title: 'New issue', robots: { index: false } };

export default async function NewIssuePage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/issues/new' });
  if (!can({ role: staff.role, action: 'issue.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>New issue</h1>
        <p>Editors assemble the issues; ask one to start a new issue.</p>
      </DeskShell>
    );
  }
  const next = suggestNextIssue();
  return (
    <DeskShell staff={staff}>
      <p>
        <Link href="/desk/issues">← Issues</Link>
      </p>
      <h1>New issue</h1>
      <IssueForm
        action={createIssueAction}
        initial={{ ...next, plannedPublicationDate: '', coverMediaId: '', status: 'planning', defaultAccess: '', archiveFreeAfterMonths: '' }}
        initialNote={null}
        covers={listCoverOptions()}
        submitLabel="Create issue"
      />
    </DeskShell>
  );
}
