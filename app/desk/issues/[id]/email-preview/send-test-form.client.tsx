'use client';

import { useActionState } from 'react';
import { sendIssueTestAction, type SendTestState } from './actions';
import { Button } from '@/components/ui/button';

/** The "Send a test to me" button with its answer. */
export function SendTestForm({ issueId }: { issueId: number }) {
  const [state, action, isPending] = useActionState<SendTestState, FormData>(sendIssueTestAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="issueId" value={issueId} />
      <Button type="submit" isBusy={isPending} busyLabel="Sending…">
        Send a test to me
      </Button>
      <span aria-live="polite">
        {state?.ok ? <span className="meta"> {state.message}</span> : null}
        {state && !state.ok ? (
          <span role="alert" className="field-error">
            {' '}
            {state.error}
          </span>
        ) : null}
      </span>
    </form>
  );
}
