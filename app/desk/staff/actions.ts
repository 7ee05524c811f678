'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { staffAction, type StaffActionState } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';
import { approveGuestContributor } from '@/lib/staff/users/approve-guest-contributor';
import { changeRole } from '@/lib/staff/users/change-role';
import { REVIEW_REFUSAL } from '@/lib/staff/users/can-review-contributors';
import { createContributor } from '@/lib/staff/users/create-contributor';
import { deleteGuestContributor } from '@/lib/staff/users/delete-guest-contributor';
import { inviteStaff } from '@/lib/staff/users/invite-staff';
import { PASSWORD_RESET_LINK_HOURS, SET_PASSWORD_LINK_HOURS } from '@/lib/staff/users/issue-set-password-link';
import { mergeGuestContributor } from '@/lib/staff/users/merge-guest-contributor';
import { sendSetPasswordLink } from '@/lib/staff/users/send-set-password-link';
import { setActive } from '@/lib/staff/users/set-active';
import { updateContributor } from '@/lib/staff/users/update-contributor';

export type StaffActionResult = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** A form's state: a refusal carries what was typed, so the form keeps it. */
export type StaffFormState = StaffActionState<StaffActionResult>;

const LINK_HINT = `The link works once, for ${SET_PASSWORD_LINK_HOURS} hours (a password reset: ${PASSWORD_RESET_LINK_HOURS} hour); the Outbox lists the message with the link itself hidden.`;

export const inviteStaffAction = staffAction({
  name: 'staff.invite',
  permission: 'user.manage',
  input: z.object({ name: formText, email: formText, role: formText }),
  returnTo: '/desk/staff',
  audit: 'in-domain',
  run: async ({ staff, input }): Promise<StaffActionResult> => {
    const result = await inviteStaff({ actor: staff, input });
    if (!result.ok) return result;
    revalidatePath('/desk/staff');
    const what = result.isReinvite ? 'Sent a new invitation' : 'Invited';
    return { ok: true, message: `${what} ${input.name.trim()} (${input.email.trim()}). ${LINK_HINT}` };
  },
});

/** One form per staff member; the pressed button's `intent` says which change: role, active or link. */
export const staffMemberAction = staffAction({
  name: 'staff.change',
  permission: 'user.manage',
  input: z.object({
    userId: formId,
    name: formText,
    role: formText,
    intent: z.enum(['role', 'disable', 'enable', 'link'], { error: 'That change is not one this form offers; reload the page.' }),
  }),
  returnTo: '/desk/staff',
  audit: 'in-domain',
  run: ({ staff, input: { userId, name, role, intent } }): StaffActionResult => {
    if (intent === 'role') {
      const result = changeRole({ actor: staff, userId, role });
      if (!result.ok) return result;
      revalidatePath('/desk/staff');
      return { ok: true, message: result.changed ? `${name} is now ${withArticle(role)}.` : `${name} already had that role.` };
    }
    if (intent === 'link') {
      const result = sendSetPasswordLink({ actor: staff, userId });
      if (!result.ok) return result;
      revalidatePath('/desk/staff');
      return { ok: true, message: `Sent ${name} ${result.purpose === 'invite' ? 'a new invitation' : 'a set-password link'}. ${LINK_HINT}` };
    }
    const isActive = intent === 'enable';
    const result = setActive({ actor: staff, userId, isActive });
    if (!result.ok) return result;
    revalidatePath('/desk/staff');
    return { ok: true, message: isActive ? `Enabled ${name}; they can sign in again.` : `Disabled ${name}; they were signed out at once.` };
  },
});

const contributorFields = { name: formText, slug: formText, affiliation: formText, bio: formText };
const CONTRIBUTOR_REFUSALS = { forbidden: 'Only editors and administrators can add or change guest contributors.' };
const REVIEW_REFUSALS = { forbidden: REVIEW_REFUSAL };

export const createContributorAction = staffAction({
  name: 'contributor.create',
  permission: 'contributor.manage',
  refusals: CONTRIBUTOR_REFUSALS,
  input: z.object(contributorFields),
  returnTo: '/desk/staff',
  audit: 'in-domain',
  run: ({ staff, input }): StaffActionResult => {
    const result = createContributor({ actor: staff, input });
    if (!result.ok) return result;
    revalidatePath('/desk/staff');
    return { ok: true, message: `Added ${input.name.trim()} as a guest contributor.` };
  },
});

export const updateContributorAction = staffAction({
  name: 'contributor.update',
  permission: 'contributor.manage',
  refusals: CONTRIBUTOR_REFUSALS,
  input: z.object({ contributorId: formId, ...contributorFields }),
  returnTo: (sent) => `/desk/staff/contributors/${sent.contributorId}`,
  audit: 'in-domain',
  run: ({ staff, input: { contributorId, ...values } }): StaffActionResult => {
    const result = updateContributor({ actor: staff, id: contributorId, input: values });
    if (!result.ok) return result;
    revalidatePath('/desk/staff', 'layout');
    expireReaderContent({ kind: 'contributor', contributorIds: [contributorId] });
    return { ok: true, message: 'Saved.' };
  },
});

const contributorPage = (sent: Partial<Record<string, unknown>>) => `/desk/staff/contributors/${sent.contributorId}`;

/** Approves a guest added from a byline, with the editor's corrections to name, affiliation and slug. */
export const approveContributorAction = staffAction({
  name: 'contributor.approve',
  permission: 'contributor.manage',
  refusals: REVIEW_REFUSALS,
  input: z.object({ contributorId: formId, name: formText, affiliation: formText, slug: formText }),
  returnTo: contributorPage,
  audit: 'in-domain',
  run: ({ staff, input: { contributorId, ...values } }): StaffActionResult & { redirectTo?: string } => {
    const result = approveGuestContributor({ actor: staff, id: contributorId, input: values });
    if (!result.ok) return result;
    expireContributorPages([contributorId]);
    return { ok: true, message: 'Approved.', redirectTo: `/desk/staff?approved=${encodeURIComponent(result.name)}` };
  },
});

/** Folds a guest into another contributor; their bylines move over, and the guest goes. */
export const mergeContributorAction = staffAction({
  name: 'contributor.merge',
  permission: 'contributor.manage',
  refusals: REVIEW_REFUSALS,
  input: z.object({ contributorId: formId, targetId: formId }),
  returnTo: contributorPage,
  audit: 'in-domain',
  run: ({ staff, input: { contributorId, targetId } }): StaffActionResult & { redirectTo?: string } => {
    const result = mergeGuestContributor({ actor: staff, sourceId: contributorId, targetId });
    if (!result.ok) return result;
    expireContributorPages([contributorId, targetId]);
    return { ok: true, message: 'Merged.', redirectTo: `/desk/staff?merged=${encodeURIComponent(result.targetName)}` };
  },
});

/** Removes a guest no article names. */
export const deleteContributorAction = staffAction({
  name: 'contributor.delete',
  permission: 'contributor.manage',
  refusals: REVIEW_REFUSALS,
  input: z.object({ contributorId: formId }),
  returnTo: contributorPage,
  audit: 'in-domain',
  run: ({ staff, input: { contributorId } }): StaffActionResult & { redirectTo?: string } => {
    const result = deleteGuestContributor({ actor: staff, id: contributorId });
    if (!result.ok) return result;
    revalidatePath('/desk/staff', 'layout');
    return { ok: true, message: 'Deleted.', redirectTo: `/desk/staff?deleted=${encodeURIComponent(result.name)}` };
  },
});

/** A contributor's name shows in bylines and on their author page. */
function expireContributorPages(contributorIds: number[]): void {
  revalidatePath('/desk/staff', 'layout');
  expireReaderContent({ kind: 'contributor', contributorIds });
}

function withArticle(role: string): string {
  return role === 'admin' || role === 'editor' || role === 'author' ? `an ${role}` : role;
}
