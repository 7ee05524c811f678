import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { DeskTable } from '@/components/desk/desk-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { getIntegration, listDeliveries, listWebhooks, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookDelivery } from '@/lib/api/webhooks/webhooks';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { AddWebhookForm, RemoveWebhookButton, ResendDeliveryButton } from './webhook-forms.client';

export const metadata: Metadata = { title: 'Integration', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

const STATUS_TONES: Record<WebhookDelivery['status'], BadgeTone> = { pending: 'waiting', delivered: 'positive', failed: 'negative' };

/** One integration: its Content API key, the webhooks it receives, and what was sent to them. */
export default async function IntegrationPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/settings/integrations/${encodeURIComponent(id)}` });
  if (!can({ role: staff.role, action: 'integration.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Integration</h1>
        <p>Administrators manage integrations, their keys and their webhooks.</p>
      </DeskShell>
    );
  }
  const integrationId = /^\d+$/.test(id) ? Number(id) : 0;
  const integration = integrationId ? getIntegration(integrationId) : undefined;
  if (!integration) notFound();
  const webhooks = listWebhooks(integration.id);
  const deliveries = listDeliveries({ integrationId: integration.id });
  const { timeZone } = getSiteSettings();
  const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone });
  const events = WEBHOOK_EVENTS.map((event) => ({ value: event, label: WEBHOOK_EVENT_LABELS[event] }));
  return (
    <DeskShell staff={staff} isWide>
      <p className="meta">
        <Link href="/desk/settings/integrations">← Integrations</Link>
      </p>
      <h1>{integration.name}</h1>
      <p>
        Content API key: <code>{integration.contentKey}</code>
      </p>
      <p>{integration.revokedAt ? `Revoked ${stamp.format(integration.revokedAt)}: its key and webhooks no longer work.` : 'Active: its key reads the Content API and its webhooks are sent.'}</p>

      <h2>Webhooks</h2>
      <p className="hint">
        Each delivery is a JSON POST signed in the <code>X-Masthead-Signature</code> header: <code>sha256=</code> the HMAC-SHA256 of <code>&lt;t&gt;.&lt;body&gt;</code> with the
        webhook’s secret, then <code>t=</code> the send time in milliseconds. A receiver that does not answer 2xx within 10 seconds is tried again, six times in all over about an hour.
      </p>
      {webhooks.length === 0 ? (
        <EmptyState>No webhooks yet.</EmptyState>
      ) : (
        <DeskTable columns={['When', 'Sent to', 'Signing secret']} hasActions>
          {webhooks.map((webhook) => (
            <tr key={webhook.id}>
              <td>{WEBHOOK_EVENT_LABELS[webhook.event]}</td>
              <td>
                <code>{webhook.targetUrl}</code>
              </td>
              <td>
                <details>
                  <summary>Show</summary>
                  <code>{webhook.secret}</code>
                </details>
              </td>
              <td>
                <RemoveWebhookButton integrationId={integration.id} id={webhook.id} targetUrl={webhook.targetUrl} />
              </td>
            </tr>
          ))}
        </DeskTable>
      )}
      {integration.revokedAt ? null : (
        <>
          <h3>Add a webhook</h3>
          <AddWebhookForm integrationId={integration.id} events={events} />
        </>
      )}

      <h2>Deliveries</h2>
      {deliveries.length === 0 ? (
        <EmptyState>Nothing has been sent yet.</EmptyState>
      ) : (
        <DeskTable
          columns={['Time', 'Event', 'Sent to', 'Status', 'Attempts', 'Answer', 'Problem']}
          hasActions
          caption={<>The latest {deliveries.length}, newest first. Times are in {timeZone}.</>}
        >
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td>
                <time dateTime={delivery.createdAt.toISOString()}>{stamp.format(delivery.createdAt)}</time>
              </td>
              <td>
                <code>{delivery.event}</code>
              </td>
              <td>
                <code>{delivery.targetUrl}</code>
              </td>
              <td>
                <Badge kind="status" tone={STATUS_TONES[delivery.status]}>
                  {delivery.status}
                </Badge>
              </td>
              <td>{delivery.attempts}</td>
              <td>{delivery.responseStatus ?? '—'}</td>
              <td>{delivery.error ?? ''}</td>
              <td>{delivery.status === 'failed' ? <ResendDeliveryButton integrationId={integration.id} deliveryId={delivery.id} /> : null}</td>
            </tr>
          ))}
        </DeskTable>
      )}
    </DeskShell>
  );
}
