'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createSection } from '@/lib/issues/sections/create-section';
import { moveSection } from '@/lib/issues/sections/move-section';
import { updateSection } from '@/lib/issues/sections/update-section';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { staffAction } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

const sectionFields = { name: formText, slug: formText, description: formText };

export const createSectionAction = staffAction({
  name: 'section.create',
  permission: 'section.manage',
  input: z.object(sectionFields),
  returnTo: '/desk/sections',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = createSection({ actor: staff, input });
    if (!result.ok) return result;
    expireSectionPages(result.id);
    return { ok: true, message: `Added the section ${input.name.trim()}.` };
  },
});

export const updateSectionAction = staffAction({
  name: 'section.update',
  permission: 'section.manage',
  input: z.object({ sectionId: formId, ...sectionFields }),
  returnTo: '/desk/sections',
  audit: 'in-domain',
  run: ({ staff, input: { sectionId, ...values } }) => {
    const result = updateSection({ actor: staff, id: sectionId, input: values });
    if (!result.ok) return result;
    expireSectionPages(sectionId);
    return { ok: true, message: `Saved ${values.name.trim()}.` };
  },
});

export const moveSectionAction = staffAction({
  name: 'section.move',
  permission: 'section.manage',
  input: z.object({ id: formId, direction: z.enum(['up', 'down'], { error: 'Say whether to move the section up or down.' }) }),
  returnTo: '/desk/sections',
  audit: 'in-domain',
  run: ({ staff, input }) => {
    const result = moveSection({ actor: staff, id: input.id, direction: input.direction });
    if (!result.ok) return result;
    expireSectionPages(input.id);
    return { ok: true, message: `Moved ${result.name} to position ${result.position} of ${result.total}.` };
  },
});

/** Section names and order show in every table of contents and on the section pages. */
function expireSectionPages(sectionId: number): void {
  revalidatePath('/desk/sections');
  revalidatePath('/desk/issues', 'layout');
  expireReaderContent({ kind: 'section', sectionIds: [sectionId] });
}
