'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/ui/form-field';
import type { SectionFormState } from '@/lib/issues/sections/section-action-state';

/** Adds a section, or renames and describes one (`sectionId` set). */
export function SectionForm({
  action,
  initial,
  sectionId,
  submitLabel,
}: {
  action: (state: SectionFormState, formData: FormData) => Promise<SectionFormState>;
  initial: { name: string; slug: string; description: string };
  sectionId?: number;
  submitLabel: string;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const values = { ...initial, ...(state && !state.ok ? state.values : {}) };
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const prefix = sectionId === undefined ? 'new-section' : `section-${sectionId}`;
  return (
    <form action={formAction} className="stack narrow" noValidate aria-label={sectionId === undefined ? 'New section' : `Edit ${initial.name}`}>
      <div aria-live="polite">
        {state?.ok ? (
          <p role="status" className="notice">
            {state.message}
          </p>
        ) : null}
        {state && !state.ok ? (
          <p role="alert" className="form-error">
            {state.error}
          </p>
        ) : null}
      </div>
      {sectionId !== undefined ? <input type="hidden" name="sectionId" value={sectionId} /> : null}
      <FormField label="Name" name={`${prefix}-name`} error={fieldErrors.name}>
        {(props) => <input name="name" defaultValue={values.name} maxLength={80} required {...props} />}
      </FormField>
      <FormField label="Slug" name={`${prefix}-slug`} error={fieldErrors.slug} hint="The address: /sections/<slug>. Left empty, it is made from the name.">
        {(props) => <input name="slug" defaultValue={values.slug} maxLength={60} {...props} />}
      </FormField>
      <FormField label="Description" name={`${prefix}-description`} error={fieldErrors.description}>
        {(props) => <textarea name="description" rows={2} defaultValue={values.description} maxLength={500} {...props} />}
      </FormField>
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
