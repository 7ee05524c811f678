'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { StaffActionState } from '@/lib/staff/actions/staff-action';

type CommitState = StaffActionState<{ ok: true; redirectTo: string } | { ok: false; error: string }>;

/** “Import for real” after a dry run; the action opens the new run's page, or says why it could not start. */
export function CommitDryRunForm({ runId, action }: { runId: number; action: (state: CommitState, form: FormData) => Promise<CommitState> }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="stack narrow" aria-label="Import for real">
      {state && !state.ok ? (
        <p role="alert" className="field-error">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="runId" value={runId} />
      <Button type="submit" isBusy={isPending} busyLabel="Starting…">
        Import for real
      </Button>
    </form>
  );
}
