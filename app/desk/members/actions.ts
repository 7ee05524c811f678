'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { cancelMembership, extendMembership } from '@/lib/access/members/change-membership';
import { grantMembership } from '@/lib/access/members/grant-membership';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { staffAction } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

export const grantMembershipAction = staffAction({
  name: 'membership.grant',
  permission: 'member.manage',
  input: z.object({ email: formText, name: formText, tierId: formText, endsOn: formText, note: formText }),
  returnTo: '/desk/members',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = grantMembership({ actor: staff, input, timeZone: getSiteSettings().timeZone });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: `${result.email} is a ${result.tierName} member until ${input.endsOn}${result.isNewReader ? ' (a new reader account; they sign in with a link sent to that address)' : ''}.` };
  },
});

export const extendMembershipAction = staffAction({
  name: 'membership.extend',
  permission: 'member.manage',
  input: z.object({ membershipId: formId, endsOn: formText }),
  returnTo: '/desk/members',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = extendMembership({ actor: staff, id: input.membershipId, endsOn: input.endsOn, timeZone: getSiteSettings().timeZone });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: `The membership of ${result.email} now lasts until ${input.endsOn}.` };
  },
});

export const cancelMembershipAction = staffAction({
  name: 'membership.cancel',
  permission: 'member.manage',
  input: z.object({ membershipId: formId }),
  returnTo: '/desk/members',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = cancelMembership({ actor: staff, id: input.membershipId });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: `Canceled the membership of ${result.email}; their access has ended.` };
  },
});
