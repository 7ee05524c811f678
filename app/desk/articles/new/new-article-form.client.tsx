'use client';

import { useActionState } from 'react';
import { createArticleAction, type CreateArticleState } from '../actions';
import { Button } from '@/components/ui/button';

export function NewArticleForm() {
  const [state, formAction, isPending] = useActionState<CreateArticleState, FormData>(createArticleAction, null);
  const refusal = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="stack narrow">
      <label>
        Working title
        <input name="title" defaultValue={refusal?.values?.title} required maxLength={300} autoFocus />
      </label>
      <div aria-live="polite">{refusal ? <p className="form-error" role="alert">{refusal.error}</p> : null}</div>
      <Button type="submit" isBusy={isPending} busyLabel="Creating…">
        Create draft
      </Button>
    </form>
  );
}
