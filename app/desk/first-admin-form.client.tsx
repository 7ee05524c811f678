'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { createFirstAdmin, type FirstAdminState } from './actions';

const initialState: FirstAdminState = { ok: false };

export function FirstAdminForm() {
  const [state, formAction, isPending] = useActionState(createFirstAdmin, initialState);
  return (
    <form action={formAction} className="stack" noValidate>
      <div aria-live="polite">
        {state.error ? (
          <p role="alert" className="form-error">
            {state.error}
          </p>
        ) : null}
      </div>
      <Field id="name" label="Your name" error={state.fieldErrors?.name}>
        {(control) => <input name="name" autoComplete="name" defaultValue={state.values?.name} required {...control} />}
      </Field>
      <Field id="email" label="Email" error={state.fieldErrors?.email}>
        {(control) => <input name="email" type="email" autoComplete="username" defaultValue={state.values?.email} required {...control} />}
      </Field>
      <Field id="password" label="Password (at least 10 characters)" error={state.fieldErrors?.password}>
        {(control) => <input name="password" type="password" autoComplete="new-password" required {...control} />}
      </Field>
      <Button type="submit" isBusy={isPending} busyLabel="Creating…">
        Create the administrator
      </Button>
    </form>
  );
}
