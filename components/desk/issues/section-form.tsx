'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useToastOnSuccess } from '@/components/ui/toast';
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
  useToastOnSuccess(state);
  const prefix = sectionId === undefined ? 'new-section' : `section-${sectionId}`;
  return (
    <form action={formAction} className="stack narrow" noValidate aria-label={sectionId === undefined ? 'New section' : `Edit ${initial.name}`}>
      <div aria-live="polite">
        {state && !state.ok ? (
          <p role="alert" className="form-error">
            {state.error}
          </p>
        ) : null}
      </div>
      {sectionId !== undefined ? <input type="hidden" name="sectionId" value={sectionId} /> : null}
      <Field id={`${prefix}-name`} label="Name" error={fieldErrors.name}>
        {(props) => <input name="name" defaultValue={values.name} maxLength={80} required {...props} />}
      </Field>
      <Field id={`${prefix}-slug`} label="Slug" error={fieldErrors.slug} hint="The address: /sections/<slug>. Left empty, it is made from the name.">
        {(props) => <input name="slug" defaultValue={values.slug} maxLength={60} {...props} />}
      </Field>
      <Field id={`${prefix}-description`} label="Description" error={fieldErrors.description}>
        {(props) => <textarea name="description" rows={2} defaultValue={values.description} maxLength={500} {...props} />}
      </Field>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Saving…">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
