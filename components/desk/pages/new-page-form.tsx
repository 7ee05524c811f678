'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

type Refusal = { ok: false; error: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };
type State = { ok: true } | Refusal | null;

/** Starts a page: a title and, if the one made from it will not do, a slug. The editor opens next. */
export function NewPageForm<Answer extends State>({ action }: { action: (state: Answer | null, formData: FormData) => Promise<Answer | null> }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const answer: State = state;
  const refused = answer && !answer.ok ? answer : null;
  return (
    <form action={formAction} className="stack narrow" noValidate aria-label="New page">
      <div aria-live="polite">
        {refused ? (
          <p role="alert" className="form-error">
            {refused.error}
          </p>
        ) : null}
      </div>
      <Field id="new-page-title" label="Title" error={refused?.fieldErrors?.title}>
        {(props) => <input name="title" defaultValue={refused?.values?.title ?? ''} maxLength={200} required {...props} />}
      </Field>
      <Field id="new-page-slug" label="Slug" error={refused?.fieldErrors?.slug} hint="The address: /<slug>. Left empty, it is made from the title.">
        {(props) => <input name="slug" defaultValue={refused?.values?.slug ?? ''} maxLength={80} {...props} />}
      </Field>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Creating…">
          Create page
        </Button>
      </div>
    </form>
  );
}
