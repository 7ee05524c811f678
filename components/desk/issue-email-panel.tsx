import Link from 'next/link';
import type { ReactNode } from 'react';
import { getCurrentStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { issueEmailState } from '@/lib/readers/mail/issue-email-state';

const CAMPAIGN_LABELS: Record<string, string> = { queued: 'queued', expanding: 'being prepared', sending: 'being sent', done: 'sent', cancelled: 'cancelled' };

/** The issue email of one issue, for the issue planner: preview, test send (shown to those who manage issues), and whether it goes out. */
export async function IssueEmailPanel({ issueId, sendTestForm }: { issueId: number; sendTestForm: ReactNode }) {
  const staff = await getCurrentStaff();
  if (!staff || !can({ role: staff.role, action: 'mail.view' })) return null;
  const state = issueEmailState({ actor: staff, issueId });
  if (!state) return null;
  const campaign = state.campaign;
  const settled = campaign ? campaign.sent + campaign.failed : 0;
  const total = campaign ? Math.max(campaign.recipients, campaign.queued + settled) : 0;
  return (
    <section aria-labelledby={`issue-email-${issueId}`} data-issue-id={issueId}>
      <h2 id={`issue-email-${issueId}`}>Issue email</h2>
      {campaign ? (
        <>
          <p>
            The email is {CAMPAIGN_LABELS[campaign.status] ?? campaign.status}: {campaign.sent} sent, {campaign.queued} waiting, {campaign.failed} failed.
          </p>
          <progress max={Math.max(1, total)} value={settled} aria-label={`Issue email: ${settled} of ${total} settled`}>
            {settled} of {total}
          </progress>
        </>
      ) : state.issueStatus === 'published' ? (
        <p>{state.isEmailWanted ? 'The email is about to be prepared.' : 'This issue was published without an email.'}</p>
      ) : (
        <p className="hint">
          {state.isEmailWanted
            ? `Publishing the issue sends it to ${state.audience} ${state.audience === 1 ? 'subscriber' : 'subscribers'} who want the issue email.`
            : 'Publishing is set to go without an email.'}
        </p>
      )}
      <p>
        <Link href={`/desk/issues/${issueId}/email-preview`}>Preview the email</Link>
      </p>
      {can({ role: staff.role, action: 'issue.manage' }) ? sendTestForm : null}
    </section>
  );
}
