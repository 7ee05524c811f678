'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import type { EntityActionState } from '../actions';
import { Button } from '@/components/ui/button';

type Props = {
  action: (previous: EntityActionState, formData: FormData) => Promise<EntityActionState>;
  entityId: number;
  label: string;
  busyLabel: string;
};

/** One button acting on one entity (approve, delete); the server checks the caller and the entity again. */
export function EntityButtonForm({ action, entityId, label, busyLabel }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="stack narrow">
      <EntityActionMessage result={state} />
      <input type="hidden" name="entityId" value={entityId} />
      <div>
        <Button type="submit" isBusy={isPending} busyLabel={busyLabel}>
          {label}
        </Button>
      </div>
    </form>
  );
}
