'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { deleteInstitution } from '@/lib/access/institutions/delete-institution';
import { saveInstitution } from '@/lib/access/institutions/save-institution';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { staffAction } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

const institutionFields = { name: formText, tierId: formText, seats: formText, startsOn: formText, endsOn: formText, contactEmail: formText, ipRanges: formText, domains: formText, note: formText };

export const createInstitutionAction = staffAction({
  name: 'institution.create',
  permission: 'member.manage',
  input: z.object(institutionFields),
  returnTo: '/desk/members/institutions',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = saveInstitution({ actor: staff, input, timeZone: getSiteSettings().timeZone });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: `Added ${result.name}.` };
  },
});

export const updateInstitutionAction = staffAction({
  name: 'institution.update',
  permission: 'member.manage',
  input: z.object({ institutionId: formId, ...institutionFields }),
  returnTo: '/desk/members/institutions',
  audit: 'in-domain',
  run: ({ staff, input: { institutionId, ...input } }) => {
    const result = saveInstitution({ actor: staff, id: institutionId, input, timeZone: getSiteSettings().timeZone });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: `Saved ${result.name}.` };
  },
});

export const deleteInstitutionAction = staffAction({
  name: 'institution.delete',
  permission: 'member.manage',
  input: z.object({ institutionId: formId }),
  returnTo: '/desk/members/institutions',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = deleteInstitution({ actor: staff, id: input.institutionId });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: `Deleted ${result.name}.`, redirectTo: `/desk/members/institutions?deleted=${encodeURIComponent(result.name)}` };
  },
});
