'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { aliasAction } from '../actions';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** The entity's aliases, with a form to add one and a button to remove each, for those who may edit. */
export function EntityAliases({ entityId, aliases, canEdit }: { entityId: number; aliases: { id: number; alias: string }[]; canEdit: boolean }) {
  const [state, formAction, isPending] = useActionState(aliasAction, null);
  const typedAlias = state && !state.ok ? (state.values?.alias ?? '') : '';
  return (
    <div className="stack narrow">
      <EntityActionMessage result={state} />
      {aliases.length === 0 ? (
        <EmptyState>No aliases yet.</EmptyState>
      ) : (
        <ul aria-label="Aliases">
          {aliases.map((alias) => (
            <li key={alias.id}>
              {alias.alias}{' '}
              {canEdit ? (
                <form action={formAction} className="inline-form">
                  <input type="hidden" name="entityId" value={entityId} />
                  <input type="hidden" name="aliasId" value={alias.id} />
                  <Button type="submit" name="intent" value="remove" variant="quiet" disabled={isPending} aria-label={`Remove the alias ${alias.alias}`}>
                    Remove
                  </Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form action={formAction} className="panel-actions align-end">
          <input type="hidden" name="entityId" value={entityId} />
          <label className="filter-field">
            New alias
            <input
              name="alias"
              defaultValue={typedAlias}
              maxLength={300}
              aria-invalid={state && !state.ok ? true : undefined}
            />
          </label>
          <Button type="submit" name="intent" value="add" isBusy={isPending} busyLabel="Saving…">
            Add alias
          </Button>
        </form>
      ) : null}
    </div>
  );
}
