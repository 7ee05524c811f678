'use client';

import { useActionState, useState, type ReactNode } from 'react';
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
      <fieldset disabled={isReadOnly} className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        {isEditing ? (
          <>
            <input type="hidden" name="entityId" value={entityId} />
            <input type="hidden" name="kind" value={kind} />
          </>
        ) : (
          <Field label="Kind" name="kind" error={fieldErrors.kind}>
            {(describedBy) => (
              <Select
                name="kind"
                value={kind}
                onChange={(value) => setKind(value as EntityKind | '')}
                emptyLabel="Choose a kind…"
                options={KINDS.map((option) => ({ value: option, label: ENTITY_KIND_LABELS[option].one }))}
                aria-describedby={describedBy}
              />
            )}
          </Field>
        )}
        <Field label="Name" name="name" error={fieldErrors.name}>
          {(describedBy) => <input name="name" defaultValue={values.name} required maxLength={200} aria-describedby={describedBy} aria-invalid={fieldErrors.name ? true : undefined} />}
        </Field>
        <Field
          label="Slug"
          name="slug"
          error={fieldErrors.slug}
          hint={`The address: /${kind ? ENTITY_KIND_SEGMENTS[kind] : '…'}/<slug>. Left empty, it is made from the name.${isEditing ? ' Changing it keeps the old address as a redirect.' : ''}`}
        >
          {(describedBy) => <input name="slug" defaultValue={values.slug} maxLength={80} aria-describedby={describedBy} aria-invalid={fieldErrors.slug ? true : undefined} />}
        </Field>
        <Field label="Description" name="description" error={fieldErrors.description}>
          {(describedBy) => (
            <textarea name="description" rows={4} defaultValue={values.description} maxLength={4000} aria-describedby={describedBy} aria-invalid={fieldErrors.description ? true : undefined} />
          )}
        </Field>
        {kind ? <EntityFactInputs kind={kind} values={values.facts} fieldErrors={fieldErrors} /> : null}
        <Field label="Wikidata id" name="wikidataId" error={fieldErrors.wikidataId} hint="Optional, e.g. Q7184.">
          {(describedBy) => (
            <input name="wikidataId" defaultValue={values.wikidataId} maxLength={20} aria-describedby={describedBy} aria-invalid={fieldErrors.wikidataId ? true : undefined} />
          )}
        </Field>
        {isReadOnly ? null : (
          <div>
            <button type="submit" disabled={isPending}>
              {isPending ? 'Saving…' : submitLabel}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}

function Field({
  label,
  name,
  error,
  hint,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <label>
      {label}
      {children(describedBy)}
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </label>
  );
}
