'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
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
      <Field id="password" label="New password" hint={`At least ${minLength} characters; a few unrelated words make a strong one.`} error={fieldErrors.password}>
        {(control) => <input type="password" name="password" autoComplete="new-password" required minLength={minLength} maxLength={1024} {...control} />}
      </Field>
      <Field id="confirm" label="Type it again" error={fieldErrors.confirm}>
        {(control) => <input type="password" name="confirm" autoComplete="new-password" required maxLength={1024} {...control} />}
      </Field>
      <Button type="submit" isBusy={isPending} busyLabel="Saving…">
        Set password
      </Button>
    </form>
  );
}
