'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { approveGuestContributor } from '@/lib/staff/users/approve-guest-contributor';
import { changeRole } from '@/lib/staff/users/change-role';
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
export type StaffFormState = (StaffActionResult & { values?: Record<string, string> }) | null;

const LINK_HINT = `The link works once, for ${SET_PASSWORD_LINK_HOURS} hours (a password reset: ${PASSWORD_RESET_LINK_HOURS} hour); the Outbox lists the message with the link itself hidden.`;

export async function inviteStaffAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const staff = await requireStaff({ returnTo: '/desk/staff' });
  const values = { name: text(formData, 'name'), email: text(formData, 'email'), role: text(formData, 'role') };
  try {
    const result = await inviteStaff({ actor: staff, input: values });
    if (!result.ok) return { ...result, values };
    revalidatePath('/desk/staff');
    const what = result.isReinvite ? 'Sent a new invitation' : 'Invited';
    return { ok: true, message: `${what} ${values.name.trim()} (${values.email.trim()}). ${LINK_HINT}` };
  } catch (error) {
    return { ...failure(error), values };
  }
}

/** One form per staff member; the pressed button's `intent` says which change: role, active or link. */
export async function staffMemberAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const staff = await requireStaff({ returnTo: '/desk/staff' });
  const userId = Number(formData.get('userId'));
  const name = text(formData, 'name');
  try {
    const intent = formData.get('intent');
    if (intent === 'role') {
      const result = changeRole({ actor: staff, userId, role: formData.get('role') });
      if (!result.ok) return result;
      revalidatePath('/desk/staff');
      return { ok: true, message: result.changed ? `${name} is now ${withArticle(text(formData, 'role'))}.` : `${name} already had that role.` };
    }
    if (intent === 'disable' || intent === 'enable') {
      const isActive = intent === 'enable';
      const result = setActive({ actor: staff, userId, isActive });
      if (!result.ok) return result;
      revalidatePath('/desk/staff');
      return { ok: true, message: isActive ? `Enabled ${name}; they can sign in again.` : `Disabled ${name}; they were signed out at once.` };
    }
    if (intent === 'link') {
      const result = sendSetPasswordLink({ actor: staff, userId });
      if (!result.ok) return result;
      revalidatePath('/desk/staff');
      return { ok: true, message: `Sent ${name} ${result.purpose === 'invite' ? 'a new invitation' : 'a set-password link'}. ${LINK_HINT}` };
    }
    return { ok: false, error: 'That change is not one this form offers; reload the page.' };
  } catch (error) {
    return failure(error);
  }
}

export async function createContributorAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const staff = await requireStaff({ returnTo: '/desk/staff' });
  const values = contributorValues(formData);
  try {
    const result = createContributor({ actor: staff, input: values });
    if (!result.ok) return { ...result, values };
    revalidatePath('/desk/staff');
    return { ok: true, message: `Added ${values.name.trim()} as a guest contributor.` };
  } catch (error) {
    return { ...failure(error), values };
  }
}

export async function updateContributorAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const id = Number(formData.get('contributorId'));
  const staff = await requireStaff({ returnTo: `/desk/staff/contributors/${id}` });
  const values = contributorValues(formData);
  try {
    const result = updateContributor({ actor: staff, id, input: values });
    if (!result.ok) return { ...result, values };
    revalidatePath('/desk/staff', 'layout');
    expireReaderContent({ kind: 'contributor', contributorIds: [id] });
    return { ok: true, message: 'Saved.' };
  } catch (error) {
    return { ...failure(error), values };
  }
}

/** Approves a guest added from a byline, with the editor's corrections to name, affiliation and slug. */
export async function approveContributorAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const id = Number(formData.get('contributorId'));
  const staff = await requireStaff({ returnTo: `/desk/staff/contributors/${id}` });
  const values = { name: text(formData, 'name'), affiliation: text(formData, 'affiliation'), slug: text(formData, 'slug') };
  let name: string;
  try {
    const result = approveGuestContributor({ actor: staff, id, input: values });
    if (!result.ok) return { ...result, values };
    expireReaderContent({ kind: 'contributor', contributorIds: [id] });
    name = result.name;
  } catch (error) {
    return { ...failure(error), values };
  }
  revalidatePath('/desk/staff', 'layout');
  redirect(`/desk/staff?approved=${encodeURIComponent(name)}`);
}

/** Folds a guest into another contributor; their bylines move over, and the guest goes. */
export async function mergeContributorAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const sourceId = Number(formData.get('contributorId'));
  const staff = await requireStaff({ returnTo: `/desk/staff/contributors/${sourceId}` });
  const targetId = Number(formData.get('targetId'));
  let targetName: string;
  try {
    const result = mergeGuestContributor({ actor: staff, sourceId, targetId });
    if (!result.ok) return result;
    expireReaderContent({ kind: 'contributor', contributorIds: [sourceId, targetId] });
    targetName = result.targetName;
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/desk/staff', 'layout');
  redirect(`/desk/staff?merged=${encodeURIComponent(targetName)}`);
}

/** Removes a guest no article names. */
export async function deleteContributorAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const id = Number(formData.get('contributorId'));
  const staff = await requireStaff({ returnTo: `/desk/staff/contributors/${id}` });
  let name: string;
  try {
    const result = deleteGuestContributor({ actor: staff, id });
    if (!result.ok) return result;
    name = result.name;
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/desk/staff', 'layout');
  redirect(`/desk/staff?deleted=${encodeURIComponent(name)}`);
}

function contributorValues(formData: FormData): { name: string; slug: string; affiliation: string; bio: string } {
  return { name: text(formData, 'name'), slug: text(formData, 'slug'), affiliation: text(formData, 'affiliation'), bio: text(formData, 'bio') };
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

function withArticle(role: string): string {
  return role === 'admin' || role === 'editor' || role === 'author' ? `an ${role}` : role;
}

function failure(error: unknown): { ok: false; error: string } {
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, error: error.message };
  console.error('Staff action failed', error);
  return { ok: false, error: 'Something went wrong and nothing was changed; try again.' };
}
