'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { EntityKind } from '@/lib/entities/entity-types';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { EntityFactInputs } from '@/components/desk/entity-fact-inputs';
import type { EntityFormValues } from '@/lib/entities/entity-form-values';
import { ENTITY_KIND_LABELS, ENTITY_KIND_SEGMENTS } from '@/lib/entities/entity-path';
import { Select } from '@/components/ui/select';
import type { EntityFormState } from './actions';

const KINDS = Object.keys(ENTITY_KIND_LABELS) as EntityKind[];

/**
 * Creates or edits an entity. On a new entity the kind is chosen first and the fact fields follow
 * it; on an existing one the kind is fixed. Read-only for those who may look but not edit.
 */
export function EntityForm({
  action,
  initial,
  entityId,
  submitLabel,
  isReadOnly = false,
}: {
  action: (state: EntityFormState, formData: FormData) => Promise<EntityFormState>;
  initial: EntityFormValues;
  /** Set when editing: the kind is then fixed. */
  entityId?: number;
  submitLabel: string;
  isReadOnly?: boolean;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const values = state && !state.ok && state.values ? state.values : initial;
  const [kind, setKind] = useState<EntityKind | ''>(initial.kind);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const isEditing = entityId !== undefined;
  return (
    <form action={formAction} className="stack narrow" noValidate>
      <EntityActionMessage result={state} />
      <fieldset disabled={isReadOnly} className="stack bare-fieldset">
        {isEditing ? (
          <>
            <input type="hidden" name="entityId" value={entityId} />
            <input type="hidden" name="kind" value={kind} />
          </>
        ) : (
          <Field id="entity-kind" label="Kind" error={fieldErrors.kind}>
            {(control) => (
              <Select
                name="kind"
                value={kind}
                onChange={(value) => setKind(value as EntityKind | '')}
                emptyLabel="Choose a kind…"
                options={KINDS.map((option) => ({ value: option, label: ENTITY_KIND_LABELS[option].one }))}
                {...control}
              />
            )}
          </Field>
        )}
        <Field id="entity-name" label="Name" error={fieldErrors.name}>
          {(control) => <input name="name" defaultValue={values.name} required maxLength={200} {...control} />}
        </Field>
        <Field
          id="entity-slug"
          label="Slug"
          error={fieldErrors.slug}
          hint={`The address: /${kind ? ENTITY_KIND_SEGMENTS[kind] : '…'}/<slug>. Left empty, it is made from the name.${isEditing ? ' Changing it keeps the old address as a redirect.' : ''}`}
        >
          {(control) => <input name="slug" defaultValue={values.slug} maxLength={80} {...control} />}
        </Field>
        <Field id="entity-description" label="Description" error={fieldErrors.description}>
          {(control) => (
            <textarea name="description" rows={4} defaultValue={values.description} maxLength={4000} {...control} />
          )}
        </Field>
        {kind ? <EntityFactInputs kind={kind} values={values.facts} fieldErrors={fieldErrors} /> : null}
        <Field id="entity-wikidataId" label="Wikidata id" error={fieldErrors.wikidataId} hint="Optional, e.g. Q7184.">
          {(control) => (
            <input name="wikidataId" defaultValue={values.wikidataId} maxLength={20} {...control} />
          )}
        </Field>
        {isReadOnly ? null : (
          <div>
            <Button type="submit" isBusy={isPending} busyLabel="Saving…">
              {submitLabel}
            </Button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
