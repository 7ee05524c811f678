'use server';

import { revalidatePath } from 'next/cache';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { createSection } from '@/lib/issues/sections/create-section';
import { moveSection } from '@/lib/issues/sections/move-section';
import type { SectionActionResult, SectionFormState } from '@/lib/issues/sections/section-action-state';
import { updateSection } from '@/lib/issues/sections/update-section';

export async function createSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const staff = await requireStaff({ returnTo: '/desk/sections' });
  const values = readSectionForm(formData);
  try {
    const result = createSection({ actor: staff, input: values });
    if (!result.ok) return { ...result, values };
    expireSectionPages(result.id);
    return { ok: true, message: `Added the section ${values.name.trim()}.` };
  } catch (error) {
    return { ...failure(error), values };
  }
}

export async function updateSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const staff = await requireStaff({ returnTo: '/desk/sections' });
  const id = Number(formData.get('sectionId'));
  const values = readSectionForm(formData);
  try {
    const result = updateSection({ actor: staff, id, input: values });
    if (!result.ok) return { ...result, values };
    expireSectionPages(id);
    return { ok: true, message: `Saved ${values.name.trim()}.` };
  } catch (error) {
    return { ...failure(error), values };
  }
}

export async function moveSectionAction({ id, direction }: { id: number; direction: 'up' | 'down' }): Promise<SectionActionResult> {
  const staff = await requireStaff({ returnTo: '/desk/sections' });
  try {
    const result = moveSection({ actor: staff, id: Number(id), direction: direction === 'up' ? 'up' : 'down' });
    if (!result.ok) return result;
    expireSectionPages(Number(id));
    return { ok: true, message: `Moved ${result.name} to position ${result.position} of ${result.total}.` };
  } catch (error) {
    return failure(error);
  }
}

function readSectionForm(formData: FormData): { name: string; slug: string; description: string } {
  const read = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  return { name: read('name'), slug: read('slug'), description: read('description') };
}

/** Section names and order show in every table of contents and on the section pages. */
function expireSectionPages(sectionId: number): void {
  revalidatePath('/desk/sections');
  revalidatePath('/desk/issues', 'layout');
  expireReaderContent({ kind: 'section', sectionIds: [sectionId] });
}

function failure(error: unknown): { ok: false; error: string } {
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, error: error.message };
  console.error('Section action failed', error);
  return { ok: false, error: 'Something went wrong and nothing was changed; try again.' };
}
