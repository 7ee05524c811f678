'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { setPasswordAction, type SetPasswordState } from './actions';

/** Password and confirmation; on success, the way to the sign-in page. */
export function SetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const [state, formAction, isPending] = useActionState<SetPasswordState, FormData>(setPasswordAction, null);
  if (state?.ok) {
    return (
      <div aria-live="polite">
        <p role="status" className="notice">
          Your password is set. <Link href="/login">Sign in</Link> with your email address and the new password.
        </p>
      </div>
    );
  }
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="stack" noValidate>
      <div aria-live="polite">
        {state && !state.ok ? (
          <p role="alert" className="form-error">
            {state.error}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="token" value={token} />
      <label>
        New password
        <input
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={minLength}
          maxLength={1024}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? 'password-error password-hint' : 'password-hint'}
        />
        <span id="password-hint" className="hint">
          At least {minLength} characters; a few unrelated words make a strong one.
        </span>
        {fieldErrors.password ? (
          <span id="password-error" className="field-error">
            {fieldErrors.password}
          </span>
        ) : null}
      </label>
      <label>
        Type it again
        <input
          type="password"
          name="confirm"
          autoComplete="new-password"
          required
          maxLength={1024}
          aria-invalid={fieldErrors.confirm ? true : undefined}
          aria-describedby={fieldErrors.confirm ? 'confirm-error' : undefined}
        />
        {fieldErrors.confirm ? (
          <span id="confirm-error" className="field-error">
            {fieldErrors.confirm}
          </span>
        ) : null}
      </label>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Saving…' : 'Set password'}
      </button>
    </form>
  );
}
