import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DeskShell } from '@/components/desk/desk-shell';
import { requireStaff } from '@/lib/auth/current-staff';
import { can } from '@/lib/auth/policy';
import { getSiteSettings } from '@/lib/settings/site-settings';
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
  const { timeZone } = getSiteSettings();
  // UTC is not in every runtime's list, yet it is a fine choice for a site; keep the current zone listed too.
  const timeZones = [...new Set(['UTC', timeZone, ...Intl.supportedValuesOf('timeZone')])].sort((left, right) => left.localeCompare(right));
  return (
    <DeskShell staff={staff}>
      <h1>Settings</h1>
      <SettingsForm timeZone={timeZone} timeZones={timeZones} />
    </DeskShell>
  );
}
