import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { getLastBackup } from '@/lib/platform/backup/get-last-backup';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { formatInZone } from '@/lib/platform/time/zoned-time';
import { SettingsForm } from './settings-form.client';

export const metadata: Metadata = { title: 'Settings', robots: { index: false } };

export default async function SettingsPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/settings' });
  if (!can({ role: staff.role, action: 'settings.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Settings</h1>
        <p>You are not allowed to change the site’s settings; ask an administrator.</p>
      </DeskShell>
    );
  }
  const { siteName, timeZone, linkedEntityKinds } = getSiteSettings();
  const lastBackup = getLastBackup();
  // UTC is not in every runtime's list, yet it is a fine choice for a site; keep the current zone listed too.
  const timeZones = [...new Set(['UTC', timeZone, ...Intl.supportedValuesOf('timeZone')])].sort((left, right) => left.localeCompare(right));
  return (
    <DeskShell staff={staff}>
      <h1>Settings</h1>
      <SettingsForm siteName={siteName} timeZone={timeZone} timeZones={timeZones} linkedEntityKinds={linkedEntityKinds} />
      <h2>Backups</h2>
      {lastBackup ? (
        <p>
          Last backup: <time dateTime={lastBackup.at}>{formatInZone({ instant: new Date(lastBackup.at), timeZone })}</time> to <code>{lastBackup.file}</code> (
          {(lastBackup.bytes / 1024 / 1024).toFixed(1)} MB).
        </p>
      ) : (
        <p>No backup has been made yet. Run <code>npm run db:backup -- &lt;file&gt;</code> on the server (see the README for a nightly schedule).</p>
      )}
      <h2>Integrations</h2>
      <p>
        Keys for sites and tools that read published work through the Content API: <Link href="/desk/settings/integrations">integrations</Link>.
      </p>
      <h2>Payments</h2>
      <p>
        Whether Stripe is connected, its webhook address and the events it sent: <Link href="/desk/settings/payments">payments</Link>.
      </p>
      <h2>Security reports</h2>
      <p>
        What browsers stopped under the site’s Content-Security-Policy: <Link href="/desk/security">security reports</Link>.
      </p>
    </DeskShell>
  );
}
