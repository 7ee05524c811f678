'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { mergeEntitiesAction } from '../actions';
import { Button } from '@/components/ui/button';

/** The last step of a merge, after its preview: on success the desk moves to the surviving entity. */
export function MergeConfirmForm({ sourceId, targetId, targetName }: { sourceId: number; targetId: number; targetName: string }) {
  const [state, formAction, isPending] = useActionState(mergeEntitiesAction, null);
  return (
    <form action={formAction} className="stack narrow">
      <EntityActionMessage result={state} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="targetId" value={targetId} />
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Merging…">
          {`Merge into ${targetName}`}
        </Button>
      </div>
    </form>
  );
}
