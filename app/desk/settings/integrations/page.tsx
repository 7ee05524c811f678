import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { DeskTable } from '@/components/desk/desk-table';
import { Button } from '@/components/ui/button';
import { listIntegrations } from '@/lib/api/integrations/integrations';
import { getConfig } from '@/lib/platform/config/get-config';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { formatInZone } from '@/lib/platform/time/zoned-time';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { revokeIntegrationAction } from './actions';
import { IntegrationForm } from './integration-form.client';

export const metadata: Metadata = { title: 'Integrations', robots: { index: false } };

export default async function IntegrationsPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/settings/integrations' });
  if (!can({ role: staff.role, action: 'integration.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Integrations</h1>
        <p>Only administrators can manage integrations and their Content API keys.</p>
      </DeskShell>
    );
  }
  const integrations = listIntegrations();
  const { siteUrl } = getConfig();
  const { timeZone } = getSiteSettings();
  const when = (instant: Date | null) => (instant ? formatInZone({ instant, timeZone }) : 'never');
  return (
    <DeskShell staff={staff}>
      <p>
        <Link href="/desk/settings">Settings</Link>
      </p>
      <h1>Integrations</h1>
      <p>
        Each integration reads published work through the Ghost-compatible Content API at <code>{siteUrl}</code> with its own key. Keys are read-only and may be used
        in a browser; revoking one refuses it at once.
      </p>
      <h2>Add an integration</h2>
      <IntegrationForm />
      <h2>Keys</h2>
      {integrations.length === 0 ? (
        <p>No integrations yet.</p>
      ) : (
        <DeskTable columns={['Name', 'Content API URL and key', 'Last used', 'Status']}>
          {integrations.map((integration) => (
            <tr key={integration.id}>
              <td>
                <Link href={`/desk/settings/integrations/${integration.id}`}>{integration.name}</Link>
              </td>
              <td>
                <code>{siteUrl}</code>
                <br />
                <code aria-label={`Content API key of ${integration.name}`}>{integration.contentKey}</code>
                {integration.readsMembersContent ? (
                  <>
                    <br />
                    <strong>Members key</strong>: reads members-only articles in full
                  </>
                ) : null}
              </td>
              <td>{when(integration.lastUsedAt)}</td>
              <td>
                {integration.revokedAt ? (
                  `Revoked ${when(integration.revokedAt)}`
                ) : (
                  <form action={revokeIntegrationAction}>
                    <input type="hidden" name="integrationId" value={integration.id} />
                    <Button type="submit" variant="secondary" size="small" aria-label={`Revoke the key of ${integration.name}`}>
                      Revoke key
                    </Button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </DeskTable>
      )}
    </DeskShell>
  );
}
