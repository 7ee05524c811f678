'use server';

import { revalidatePath } from 'next/cache';
import { updateSiteSettingsAudited } from '@/lib/staff/audit/update-site-settings-audited';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { settingsFormInput } from '@/lib/platform/settings/settings-form-input';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';

export type SettingsFormState = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> } | null;

export async function updateSettingsAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  const staff = await requireStaff({ returnTo: '/desk/settings' });
  try {
    const result = updateSiteSettingsAudited({ actor: staff, input: settingsFormInput(formData) });
    if (!result.ok) return result;
    // Dates across the desk and the site are shown in this zone, and article pages link entities by these kinds.
    revalidatePath('/', 'layout');
    expireReaderContent({ kind: 'settings' });
    return { ok: true, message: `Saved. The site’s time zone is ${getSiteSettings().timeZone}.` };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, error: error.message };
    console.error('Saving settings failed', error);
    return { ok: false, error: 'Something went wrong and the settings were not changed; try again.' };
  }
}
