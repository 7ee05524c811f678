'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import type { StaffFormState } from './actions';
import { Field } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

type ContributorValues = { name: string; slug: string; affiliation: string; bio: string };

/** Adds or edits a guest contributor; adding empties the form after a success. */
export function ContributorForm({
  action,
  initial,
  contributorId,
  submitLabel,
}: {
  action: (state: StaffFormState, formData: FormData) => Promise<StaffFormState>;
  initial: ContributorValues;
  contributorId?: number;
  submitLabel: string;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const isEditing = contributorId !== undefined;
  const values: Partial<ContributorValues> = state && !state.ok && state.values ? state.values : isEditing || !state ? initial : {};
  const formKey = state ? JSON.stringify(state) : 'initial';
  const prefix = isEditing ? `contributor-${contributorId}` : 'new-contributor';
  return (
    <form action={formAction} className="stack narrow" noValidate>
      <EntityActionMessage result={state} />
      {isEditing ? <input type="hidden" name="contributorId" value={contributorId} /> : null}
      <div key={formKey} className="stack">
        <Field id={`${prefix}-name`} label="Name" error={fieldErrors.name}>
          {(described) => <input name="name" defaultValue={values.name} required maxLength={120} {...described} />}
        </Field>
        <Field id={`${prefix}-slug`} label="Slug" error={fieldErrors.slug} hint="The byline's address: /authors/<slug>. Left empty, it is made from the name.">
          {(described) => <input name="slug" defaultValue={values.slug} maxLength={80} {...described} />}
        </Field>
        <Field id={`${prefix}-affiliation`} label="Affiliation" error={fieldErrors.affiliation} hint="Where they work, e.g. Arms Control Association; may be empty.">
          {(described) => <input name="affiliation" defaultValue={values.affiliation} maxLength={160} {...described} />}
        </Field>
        <Field id={`${prefix}-bio`} label="Biography" error={fieldErrors.bio} hint="One or two sentences, shown with their articles.">
          {(described) => <textarea name="bio" rows={3} defaultValue={values.bio} maxLength={2000} {...described} />}
        </Field>
      </div>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Saving…">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
