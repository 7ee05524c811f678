'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { settingsFormInput } from '@/lib/platform/settings/settings-form-input';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { staffAction, type StaffActionState } from '@/lib/staff/actions/staff-action';
import { updateSiteSettingsAudited } from '@/lib/staff/audit/update-site-settings-audited';

type SettingsResult = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export type SettingsFormState = StaffActionState<SettingsResult>;

export const updateSettingsAction = staffAction({
  name: 'settings.update',
  permission: 'settings.manage',
  // The domain validates each setting; the form reader keeps the checkbox group's "none ticked" apart from "not sent".
  input: z.record(z.string(), z.unknown()),
  fromForm: settingsFormInput,
  returnTo: '/desk/settings',
  audit: 'in-domain',
  run: ({ staff, input }): SettingsResult => {
    const result = updateSiteSettingsAudited({ actor: staff, input });
    if (!result.ok) return result;
    // Dates across the desk and the site are shown in this zone, and article pages link entities by these kinds.
    revalidatePath('/', 'layout');
    expireReaderContent({ kind: 'settings' });
    return { ok: true, message: `Saved. The site’s time zone is ${getSiteSettings().timeZone}.` };
  },
});
