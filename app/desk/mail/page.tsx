import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { getConfig } from '@/lib/platform/config/get-config';
import { listCampaignProgress } from '@/lib/readers/mail/campaign-progress';
import { subscriberCountsOverTime } from '@/lib/readers/subscriber-counts';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { SubscriberChart } from './subscriber-chart';
import { DeskTable } from '@/components/desk/desk-table';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Mail', robots: { index: false } };

const STATUS_LABELS: Record<string, string> = { queued: 'Queued', expanding: 'Preparing', sending: 'Sending', done: 'Done', cancelled: 'Cancelled' };

/** Every mailing's progress, and how the subscriber list has grown. */
export default async function MailPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/mail' });
  if (!can({ role: staff.role, action: 'mail.view' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Mail</h1>
        <p>You are not allowed to see the site’s mailings; editors and administrators can.</p>
      </DeskShell>
    );
  }
  const campaigns = listCampaignProgress({ actor: staff });
  const points = subscriberCountsOverTime({ actor: staff, days: 30 });
  const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: getSiteSettings().timeZone });
  return (
    <DeskShell staff={staff} isWide>
      <h1>Mail</h1>
      <p className="meta">
        {getConfig().smtpUrl ? 'Messages go out through the mail server, paced and retried.' : 'No mail server is set (SMTP_URL): messages wait in the outbox, where you can read them.'}{' '}
        <Link href="/desk/outbox">Open the outbox</Link>
      </p>
      <h2>Subscribers over the last 30 days</h2>
      <SubscriberChart points={points} />
      <h2>Mailings</h2>
      {campaigns.length === 0 ? (
        <EmptyState>No mailings yet. Publishing an issue or a new article tagged with followed subjects starts one.</EmptyState>
      ) : (
        <DeskTable columns={['Mailing', 'State', 'Progress', 'Waiting', 'Sent', 'Failed', 'Started']}>
          {campaigns.map((campaign) => {
            const total = Math.max(campaign.recipients, campaign.queued + campaign.sent + campaign.failed);
            const settled = campaign.sent + campaign.failed;
            return (
              <tr key={campaign.id}>
                <td>{campaign.label}</td>
                <td>
                  <Badge kind="status">{STATUS_LABELS[campaign.status] ?? campaign.status}</Badge>
                </td>
                <td>
                  <progress max={Math.max(1, total)} value={settled} aria-label={`${campaign.label}: ${settled} of ${total} settled`}>
                    {settled} of {total}
                  </progress>{' '}
                  <span className="meta">
                    {settled} of {total}
                  </span>
                </td>
                <td>{campaign.queued}</td>
                <td>{campaign.sent}</td>
                <td>{campaign.failed}</td>
                <td>{stamp.format(campaign.createdAt)}</td>
              </tr>
            );
          })}
        </DeskTable>
      )}
    </DeskShell>
  );
}
