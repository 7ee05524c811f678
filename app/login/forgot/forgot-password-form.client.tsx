'use client';

import { useActionState } from 'react';
import { forgotPasswordAction, type ForgotPasswordState } from './actions';

/** The email address to send a set-password link to. */
export function ForgotPasswordForm() {
  const [state, formAction, isPending] = useActionState<ForgotPasswordState, FormData>(forgotPasswordAction, null);
  return (
    <form action={formAction} className="stack">
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
      <label>
        Email
        <input type="email" name="email" autoComplete="username" required maxLength={320} />
      </label>
      <button type="submit" disabled={isPending}>
        Send me a link
      </button>
    </form>
  );
}
