'use client';

import { useActionState } from 'react';
import { createArticleAction, type CreateArticleState } from '../actions';
import { Button } from '@/components/ui/button';

export function NewArticleForm() {
  const [state, formAction, isPending] = useActionState(createArticleAction, {} as CreateArticleState);
  return (
    <form action={formAction} className="stack narrow">
      <label>
        Working title
        <input name="title" defaultValue={state.title} required maxLength={300} autoFocus />
      </label>
      <div aria-live="polite">{state.error ? <p className="form-error" role="alert">{state.error}</p> : null}</div>
      <Button type="submit" isBusy={isPending} busyLabel="Creating…">
        Create draft
      </Button>
    </form>
  );
}
