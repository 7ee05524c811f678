'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { addAlias } from '@/lib/entities/add-alias';
import { approveEntity } from '@/lib/entities/approve-entity';
import { createEntity } from '@/lib/entities/create-entity';
import { deleteEntity } from '@/lib/entities/delete-entity';
import type { EntityFormValues } from '@/lib/entities/entity-form-values';
import { mergeEntities } from '@/lib/entities/merge-entities';
import { readEntityForm } from '@/lib/entities/read-entity-form';
import { removeAlias } from '@/lib/entities/remove-alias';
import { updateEntity } from '@/lib/entities/update-entity';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

export type EntityActionResult =
  | { ok: true; message: string; warning?: string | null }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** The entity form's state: a refusal carries what was typed, so the form keeps it. */
export type EntityFormState = (EntityActionResult & { values?: EntityFormValues }) | null;

export type AliasFormState = (EntityActionResult & { alias?: string }) | null;

export type EntityActionState = EntityActionResult | null;

export async function createEntityAction(_previous: EntityFormState, formData: FormData): Promise<EntityFormState> {
  const staff = await requireStaff({ returnTo: '/desk/entities/new' });
  const values = readEntityForm(formData);
  let createdId: number;
  try {
    const result = createEntity({ actor: staff, input: values });
    if (!result.ok) return { ...result, values };
    createdId = result.id;
  } catch (error) {
    return { ...failure(error), values };
  }
  expireEntityPages({ entityIds: [createdId] });
  redirect(`/desk/entities/${createdId}?created=1`);
}

export async function updateEntityAction(_previous: EntityFormState, formData: FormData): Promise<EntityFormState> {
  const id = Number(formData.get('entityId'));
  const staff = await requireStaff({ returnTo: `/desk/entities/${id}` });
  const values = readEntityForm(formData);
  try {
    const result = updateEntity({ actor: staff, id, input: values });
    if (!result.ok) return { ...result, values };
  } catch (error) {
    return { ...failure(error), values };
  }
  expireEntityPages({ entityIds: [id] });
  return { ok: true, message: 'Saved.' };
}

/** Adds an alias, or removes one when the pressed button says `intent=remove`. */
export async function aliasAction(_previous: AliasFormState, formData: FormData): Promise<AliasFormState> {
  const entityId = Number(formData.get('entityId'));
  const staff = await requireStaff({ returnTo: `/desk/entities/${entityId}` });
  const alias = String(formData.get('alias') ?? '');
  try {
    if (formData.get('intent') === 'remove') {
      const result = removeAlias({ actor: staff, entityId, aliasId: Number(formData.get('aliasId')) });
      if (!result.ok) return result;
      expireEntityPages({ entityIds: [entityId] });
      return { ok: true, message: result.alias ? `Removed the alias “${result.alias}”.` : 'That alias was already removed.' };
    }
    const result = addAlias({ actor: staff, entityId, alias });
    if (!result.ok) return { ...result, alias };
    expireEntityPages({ entityIds: [entityId] });
    return { ok: true, message: `Added the alias “${result.alias}”.`, warning: result.warning };
  } catch (error) {
    return { ...failure(error), alias };
  }
}

export async function mergeEntitiesAction(_previous: EntityActionState, formData: FormData): Promise<EntityActionState> {
  const sourceId = Number(formData.get('sourceId'));
  const targetId = Number(formData.get('targetId'));
  const staff = await requireStaff({ returnTo: `/desk/entities/${sourceId}` });
  let merged: { sourceName: string; targetId: number; articleIds: number[] };
  try {
    const result = mergeEntities({ actor: staff, sourceId, targetId });
    if (!result.ok) return result;
    merged = { sourceName: result.source.name, targetId: result.target.id, articleIds: result.articleIds };
  } catch (error) {
    return failure(error);
  }
  expireEntityPages({ entityIds: [sourceId, targetId] });
  redirect(`/desk/entities/${merged.targetId}?merged=${encodeURIComponent(merged.sourceName)}`);
}

export async function deleteEntityAction(_previous: EntityActionState, formData: FormData): Promise<EntityActionState> {
  const id = Number(formData.get('entityId'));
  const staff = await requireStaff({ returnTo: `/desk/entities/${id}` });
  let deletedName: string;
  try {
    const result = deleteEntity({ actor: staff, id });
    if (!result.ok) return { ok: false, error: result.error };
    deletedName = result.name;
  } catch (error) {
    return failure(error);
  }
  expireEntityPages({ entityIds: [id] });
  redirect(`/desk/entities?deleted=${encodeURIComponent(deletedName)}`);
}

/** Makes an author's entity public; its page appears and published articles tagged with it link to it. */
export async function approveEntityAction(_previous: EntityActionState, formData: FormData): Promise<EntityActionState> {
  const id = Number(formData.get('entityId'));
  const staff = await requireStaff({ returnTo: `/desk/entities/${id}` });
  let approved: { name: string; articleIds: number[] };
  try {
    approved = approveEntity({ actor: staff, id });
  } catch (error) {
    return failure(error);
  }
  expireEntityPages({ entityIds: [id] });
  redirect(`/desk/entities/${id}?approved=${encodeURIComponent(approved.name)}`);
}

/** The entity's page and every article tagged with it (its chips) show its name; the desk's own pages are read fresh. */
function expireEntityPages({ entityIds }: { entityIds: number[] }): void {
  revalidatePath('/desk/entities', 'layout');
  expireReaderContent({ kind: 'entity', entityIds });
}

function failure(error: unknown): { ok: false; error: string } {
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, error: error.message };
  console.error('Entity action failed', error);
  return { ok: false, error: 'Something went wrong and nothing was changed; try again.' };
}
