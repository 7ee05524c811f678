'use client';

import { useActionState } from 'react';
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
      <Field name="name" label="Your name" autoComplete="name" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <Field
        name="password"
        label="Password (at least 10 characters)"
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors?.password}
      />
      <button type="submit" disabled={isPending}>
        {isPending ? 'Creating…' : 'Create the administrator'}
      </button>
    </form>
  );
}

function Field({
  name,
  label,
  type = 'text',
  autoComplete,
  defaultValue,
  error,
}: {
  name: string;
  label: string;
  type?: string;
  autoComplete: string;
  defaultValue?: string;
  error?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <label>
      {label}
      <input
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </label>
  );
}
