import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { getPaymentsOverview } from '@/lib/access/payments/payments-overview';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { formatInZone } from '@/lib/platform/time/zoned-time';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { DeskTable } from '@/components/desk/desk-table';

export const metadata: Metadata = { title: 'Payments', robots: { index: false } };

const STATUS_LABELS = { active: 'Active', past_due: 'Past due', canceled: 'Cancelled', expired: 'Ended' } as const;

/** Whether Stripe is connected, where it should send events, and what it has sent. */
export default async function PaymentsPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/settings/payments' });
  if (!can({ role: staff.role, action: 'settings.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Payments</h1>
        <p>Only administrators can see how payments are connected.</p>
      </DeskShell>
    );
  }
  const overview = getPaymentsOverview();
  const { timeZone } = getSiteSettings();
  const when = (instant: Date) => formatInZone({ instant, timeZone });
  return (
    <DeskShell staff={staff} isWide>
      <p>
        <Link href="/desk/settings">Settings</Link>
      </p>
      <h1>Payments</h1>
      <dl>
        <dt>Checkout and billing</dt>
        <dd>
          {overview.isCheckoutOn
            ? 'On: readers can buy a membership at /join and manage it there.'
            : 'Off: STRIPE_SECRET_KEY is not set, so readers cannot pay online. Grant memberships by hand until it is.'}
        </dd>
        <dt>Webhook</dt>
        <dd>
          {overview.isWebhookOn ? 'On: events signed with STRIPE_WEBHOOK_SECRET are recorded below.' : 'Off: STRIPE_WEBHOOK_SECRET is not set, so Stripe’s events are refused with 503 and retried by Stripe.'}
        </dd>
        <dt>Webhook URL to paste into Stripe</dt>
        <dd>
          <code aria-label="Webhook URL">{overview.webhookUrl}</code>
        </dd>
      </dl>
      <p>
        Events to send: <code>checkout.session.completed</code>, <code>customer.subscription.updated</code>, <code>customer.subscription.deleted</code>,{' '}
        <code>invoice.payment_failed</code>. The steps are in the README under “Connecting Stripe”.
      </p>
      {overview.tiersWithoutPrices.length > 0 ? (
        <p className="notice">Not on sale yet (no Stripe price id): {overview.tiersWithoutPrices.join(', ')}.</p>
      ) : null}

      <h2>Paying members</h2>
      {overview.members.length === 0 ? (
        <p>No membership has been bought online yet.</p>
      ) : (
        <DeskTable label="Paying members" columns={['Reader', 'Tier', 'Status', 'Since', 'Until', 'Stripe subscription']}>
          {overview.members.map((member) => (
            <tr key={member.id}>
              <td>{member.email}</td>
              <td>{member.tierName}</td>
              <td>{STATUS_LABELS[member.status]}</td>
              <td>{when(member.startsAt)}</td>
              <td>{member.endsAt ? when(member.endsAt) : '—'}</td>
              <td>
                <code>{member.subscriptionId ?? '—'}</code>
              </td>
            </tr>
          ))}
        </DeskTable>
      )}

      <h2>Latest events</h2>
      {overview.events.length === 0 ? (
        <p>Stripe has sent no events yet.</p>
      ) : (
        <DeskTable label="Payment events" columns={['Received', 'Event', 'Outcome']}>
          {overview.events.map((event) => (
            <tr key={event.id}>
              <td>{when(event.receivedAt)}</td>
              <td>
                {event.type}
                <br />
                <code>{event.id}</code>
              </td>
              <td>{event.outcome}</td>
            </tr>
          ))}
        </DeskTable>
      )}
    </DeskShell>
  );
}
