'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { createIntegrationAction, type CreateIntegrationState } from './actions';

/** Names a new integration; the answer shows its key, which also appears in the list below. */
export function IntegrationForm() {
  const [state, formAction, isPending] = useActionState<CreateIntegrationState, FormData>(createIntegrationAction, null);
  const nameError = state && !state.ok ? state.fieldErrors?.name : undefined;
  return (
    <form action={formAction} className="stack narrow">
      <EntityActionMessage result={state} />
      <Field id="integration-name" label="Name" hint="The site or tool that will read the Content API, such as “Newsletter archive”." error={nameError}>
        {(control) => <input name="name" required maxLength={80} {...control} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" name="readsMembersContent" value="yes" /> Members key: reads members-only articles in full. Keep it secret: use it
        only on a server, never in a public page.
      </label>
      <Button type="submit" isBusy={isPending} busyLabel="Adding…">
        Add integration
      </Button>
    </form>
  );
}
