'use client';

import { useActionState } from 'react';
import type { PublishIssueState } from '@/lib/issues/issue-action-state';
import styles from './issues.module.css';
import { Button } from '@/components/ui/button';

/** Publishes the issue, with or without its email; a refusal lists each article that is not ready. */
export function PublishIssueForm({
  action,
  issueId,
  title,
  blockerCount,
}: {
  action: (state: PublishIssueState, formData: FormData) => Promise<PublishIssueState>;
  issueId: number;
  title: string;
  blockerCount: number;
}) {
  const [state, formAction, isPending] = useActionState<PublishIssueState, FormData>(action, null);
  return (
    <form action={formAction} className={styles.publishForm}>
      <input type="hidden" name="issueId" value={issueId} />
      <p className="hint">
        Publishing puts every approved article of {title} online at the same moment and starts the issue email.
        {blockerCount > 0 ? ` ${blockerCount === 1 ? 'One article is' : `${blockerCount} articles are`} not ready yet.` : ''}
      </p>
      <div className={styles.publishButtons}>
        <Button type="submit" name="intent" value="with-email" isBusy={isPending} busyLabel="Publishing…">
          Publish issue
        </Button>
        <Button type="submit" name="intent" value="without-email" disabled={isPending} variant="quiet">
          Publish without the issue email
        </Button>
      </div>
      <div aria-live="polite">
        {state && !state.ok ? (
          <div role="alert" className="form-error">
            <p>{state.error}</p>
            {state.blockers && state.blockers.length > 0 ? (
              <ul>
                {state.blockers.map((blocker) => (
                  <li key={blocker.articleId}>
                    <strong>{blocker.title}</strong>: {blocker.reasons.join(' ')}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
