'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { deleteEntityAction } from '../actions';

/** Deletes an entity nothing refers to; the server checks that again, so a mention added meanwhile is caught. */
export function DeleteEntityForm({ entityId, name }: { entityId: number; name: string }) {
  const [state, formAction, isPending] = useActionState(deleteEntityAction, null);
  return (
    <form action={formAction} className="stack narrow">
      <EntityActionMessage result={state} />
      <input type="hidden" name="entityId" value={entityId} />
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? 'Deleting…' : `Delete “${name}”`}
        </button>
      </div>
    </form>
  );
}
