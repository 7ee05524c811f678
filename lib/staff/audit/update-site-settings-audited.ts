import 'server-only';
import { getDb } from '@/db/client';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { getSiteSettings, updateSiteSettings, type SettingsResult } from '@/lib/platform/settings/site-settings';
import { recordAudit } from './record-audit';

/** Changes the site's settings for an admin ('settings.manage') and records what changed from what. */
export function updateSiteSettingsAudited({ actor, input }: { actor: StaffIdentity; input: unknown }): SettingsResult {
  assertCan({ role: actor.role, action: 'settings.manage' });
  const before = getSiteSettings();
  const result = updateSiteSettings(input);
  if (!result.ok) return result;
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(result.settings)) {
    const previous = before[key as keyof typeof before];
    // Compared as JSON, so a list of the same choices is no change.
    if (JSON.stringify(previous) !== JSON.stringify(value)) changed[key] = { from: previous, to: value };
  }
  if (Object.keys(changed).length > 0) {
    recordAudit(getDb(), {
      actorId: actor.id,
      action: 'settings.update',
      subjectType: 'settings',
      note: Object.entries(changed)
        .map(([key, change]) => `${key}: ${String(change.from)} → ${String(change.to)}`)
        .join('; '),
      data: changed,
    });
  }
  return result;
}
