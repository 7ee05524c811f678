'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { deleteTier } from '@/lib/access/tiers/delete-tier';
import { saveTier } from '@/lib/access/tiers/save-tier';
import { setTierActive } from '@/lib/access/tiers/set-tier-active';
import { staffAction } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

const tierFields = { name: formText, slug: formText, description: formText, monthlyPrice: formText, yearlyPrice: formText, currency: formText, benefits: formText };

export const createTierAction = staffAction({
  name: 'tier.create',
  permission: 'member.manage',
  input: z.object(tierFields),
  returnTo: '/desk/members/tiers',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = saveTier({ actor: staff, input });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: `Added the tier ${result.name}.` };
  },
});

export const updateTierAction = staffAction({
  name: 'tier.update',
  permission: 'member.manage',
  input: z.object({ tierId: formId, ...tierFields }),
  returnTo: '/desk/members/tiers',
  audit: 'in-domain',
  run: ({ staff, input: { tierId, ...input } }) => {
    const result = saveTier({ actor: staff, id: tierId, input });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: `Saved ${result.name}.` };
  },
});

export const setTierActiveAction = staffAction({
  name: 'tier.set-active',
  permission: 'member.manage',
  input: z.object({ tierId: formId, isActive: z.enum(['true', 'false'], { error: 'Say whether to activate or deactivate the tier.' }) }),
  returnTo: '/desk/members/tiers',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const isActive = input.isActive === 'true';
    const result = setTierActive({ actor: staff, id: input.tierId, isActive });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: isActive ? `${result.name} is offered again.` : `${result.name} is no longer offered; its members keep their access.` };
  },
});

export const deleteTierAction = staffAction({
  name: 'tier.delete',
  permission: 'member.manage',
  input: z.object({ tierId: formId }),
  returnTo: '/desk/members/tiers',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = deleteTier({ actor: staff, id: input.tierId });
    if (!result.ok) return result;
    revalidatePath('/desk/members', 'layout');
    return { ok: true, message: `Deleted the tier ${result.name}.` };
  },
});
