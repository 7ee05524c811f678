'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addAlias } from '@/lib/entities/add-alias';
import { approveEntity } from '@/lib/entities/approve-entity';
import { createEntity } from '@/lib/entities/create-entity';
import { deleteEntity } from '@/lib/entities/delete-entity';
import type { EntityFormValues } from '@/lib/entities/entity-form-values';
import { mergeEntities } from '@/lib/entities/merge-entities';
import { readEntityForm } from '@/lib/entities/read-entity-form';
import { removeAlias } from '@/lib/entities/remove-alias';
import { updateEntity } from '@/lib/entities/update-entity';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { staffAction, type StaffActionState } from '@/lib/staff/actions/staff-action';
import { formId, formText } from '@/lib/staff/actions/form-fields';

export type EntityActionResult = { ok: true; message: string; warning?: string | null; redirectTo?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** The entity form's state: a refusal carries what was typed, so the form keeps it. */
export type EntityFormState = StaffActionState<EntityActionResult, EntityFormValues>;

export type AliasFormState = StaffActionState<EntityActionResult>;

export type EntityActionState = StaffActionState<EntityActionResult>;

/** The entity form as the domain reads it: facts come as `fact:<name>` fields. */
const entityForm = (form: FormData) => ({ entityId: form.get('entityId') ?? undefined, values: readEntityForm(form) });
const entityFormInput = z.object({ entityId: formId.optional(), values: z.custom<EntityFormValues>() });

export const createEntityAction = staffAction({
  name: 'entity.create',
  permission: 'entity.create',
  input: entityFormInput,
  fromForm: entityForm,
  formValues: readEntityForm,
  returnTo: '/desk/entities/new',
  audit: 'in-domain',
  run: ({ staff, input: { values } }): EntityActionResult => {
    const result = createEntity({ actor: staff, input: values });
    if (!result.ok) return result;
    expireEntityPages([result.id]);
    return { ok: true, message: 'Created.', redirectTo: `/desk/entities/${result.id}?created=1` };
  },
});

export const updateEntityAction = staffAction({
  name: 'entity.update',
  permission: 'entity.edit',
  input: entityFormInput.required({ entityId: true }),
  fromForm: entityForm,
  formValues: readEntityForm,
  returnTo: (sent) => `/desk/entities/${sent.entityId}`,
  audit: 'in-domain',
  run: ({ staff, input: { entityId, values } }): EntityActionResult => {
    const result = updateEntity({ actor: staff, id: entityId, input: values });
    if (!result.ok) return result;
    expireEntityPages([entityId]);
    return { ok: true, message: 'Saved.' };
  },
});

/** Adds an alias, or removes one when the pressed button says `intent=remove`. */
export const aliasAction = staffAction({
  name: 'entity.alias',
  permission: 'entity.edit',
  input: z.object({ entityId: formId, alias: formText, intent: formText, aliasId: z.coerce.number().optional() }),
  returnTo: (sent) => `/desk/entities/${sent.entityId}`,
  audit: 'in-domain',
  run: ({ staff, input: { entityId, alias, intent, aliasId } }): EntityActionResult => {
    if (intent === 'remove') {
      const result = removeAlias({ actor: staff, entityId, aliasId: Number(aliasId) });
      if (!result.ok) return result;
      expireEntityPages([entityId]);
      return { ok: true, message: result.alias ? `Removed the alias “${result.alias}”.` : 'That alias was already removed.' };
    }
    const result = addAlias({ actor: staff, entityId, alias });
    if (!result.ok) return result;
    expireEntityPages([entityId]);
    return { ok: true, message: `Added the alias “${result.alias}”.`, warning: result.warning };
  },
});

export const mergeEntitiesAction = staffAction({
  name: 'entity.merge',
  permission: 'entity.merge',
  input: z.object({ sourceId: formId, targetId: formId }),
  returnTo: (sent) => `/desk/entities/${sent.sourceId}`,
  audit: 'in-domain',
  run: ({ staff, input: { sourceId, targetId } }): EntityActionResult => {
    const result = mergeEntities({ actor: staff, sourceId, targetId });
    if (!result.ok) return result;
    expireEntityPages([sourceId, targetId]);
    return { ok: true, message: 'Merged.', redirectTo: `/desk/entities/${result.target.id}?merged=${encodeURIComponent(result.source.name)}` };
  },
});

export const deleteEntityAction = staffAction({
  name: 'entity.delete',
  permission: 'entity.delete',
  input: z.object({ entityId: formId }),
  returnTo: (sent) => `/desk/entities/${sent.entityId}`,
  audit: 'in-domain',
  run: ({ staff, input: { entityId } }): EntityActionResult => {
    const result = deleteEntity({ actor: staff, id: entityId });
    if (!result.ok) return { ok: false, error: result.error };
    expireEntityPages([entityId]);
    return { ok: true, message: 'Deleted.', redirectTo: `/desk/entities?deleted=${encodeURIComponent(result.name)}` };
  },
});

/** Makes an author's entity public; its page appears and published articles tagged with it link to it. */
export const approveEntityAction = staffAction({
  name: 'entity.approve',
  permission: 'entity.edit',
  refusals: { forbidden: 'Only an editor can approve a new entity.' },
  input: z.object({ entityId: formId }),
  returnTo: (sent) => `/desk/entities/${sent.entityId}`,
  audit: 'in-domain',
  run: ({ staff, input: { entityId } }): EntityActionResult => {
    const approved = approveEntity({ actor: staff, id: entityId });
    expireEntityPages([entityId]);
    return { ok: true, message: 'Approved.', redirectTo: `/desk/entities/${entityId}?approved=${encodeURIComponent(approved.name)}` };
  },
});

/** The entity's page and every article tagged with it (its chips) show its name; the desk's own pages are read fresh. */
function expireEntityPages(entityIds: number[]): void {
  revalidatePath('/desk/entities', 'layout');
  expireReaderContent({ kind: 'entity', entityIds });
}
