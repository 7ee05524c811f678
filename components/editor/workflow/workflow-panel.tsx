'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { EditorViewer } from '@/lib/articles/get-article-for-edit';
import type { WorkflowState } from '@/lib/articles/get-workflow-state';
import type { PreflightProblem } from '@/lib/articles/preflight-checks';
import type { WorkflowAction } from '@/lib/articles/workflow';
import { can } from '@/lib/staff/auth/policy';
import { patchNote } from '../notes/notes-api';
import { ActionForm } from './action-form';
import { EmbargoForm } from './embargo-form';
import { PreflightList } from './preflight-list';
import { PreviewLinksPanel } from './preview-links-panel';
import styles from './workflow.module.css';
import { StatusBadge } from '@/components/desk/dashboard/status-badge';

export type WorkflowPanelProps = {
  articleId: number;
  viewer: EditorViewer;
  /** Saves the working copy now; resolves true when it is on the server. */
  saveNow: () => Promise<boolean>;
  /** Changes each time a save lands, so the checklist is recomputed from what was saved. */
  savedAt: string | null;
  /** Told when a move takes the article out of this person's hands, or gives it back. */
  onEditableChange: (canEdit: boolean, lockedReason: string | null) => void;
};

/** Status, the preflight checklist, and the workflow moves this person may make now. */
export function WorkflowPanel({ articleId, viewer, saveNow, savedAt, onEditableChange }: WorkflowPanelProps) {
  const [state, setState] = useState<WorkflowState | null>(null);
  const [error, setError] = useState<{ message: string; problems: PreflightProblem[] } | null>(null);
  const [notice, setNotice] = useState('');
  const [openAction, setOpenAction] = useState<WorkflowAction | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  /** Counts workflow moves begun and ended: a reload that overlapped one answers with an older state than the move's own. */
  const moves = useRef(0);
  const titleId = useId();
  const canResolveNotes = can({ role: viewer.role, action: 'article.review' });

  const adopt = useCallback(
    (next: WorkflowState) => {
      setState(next);
      onEditableChange(next.canEdit, next.lockedReason);
    },
    [onEditableChange],
  );

  useEffect(() => {
    let isCurrent = true;
    const movesAtStart = moves.current;
    void fetch(`/api/desk/articles/${articleId}/workflow`, { cache: 'no-store' })
      .then((response) => response.json())
      .then((data: { ok: boolean; state?: WorkflowState; error?: string }) => {
        if (!isCurrent || moves.current !== movesAtStart) return;
        if (data.ok && data.state) adopt(data.state);
        else setError({ message: data.error ?? 'The workflow could not be loaded; reload the page.', problems: [] });
      })
      .catch(() => isCurrent && setError({ message: 'The workflow could not be loaded; check the connection and reload.', problems: [] }));
    return () => {
      isCurrent = false;
    };
  }, [articleId, savedAt, reloads, adopt]);

  const run = async (path: 'workflow' | 'embargo', body: Record<string, unknown>, method: 'POST' | 'PUT', success: string): Promise<boolean> => {
    setIsBusy(true);
    setError(null);
    setNotice('');
    moves.current += 1;
    try {
      if (state?.canEdit && !(await saveNow())) {
        setError({ message: 'Your latest changes could not be saved; fix that first (see the save status above).', problems: [] });
        return false;
      }
      const response = await fetch(`/api/desk/articles/${articleId}/${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const data = (await response.json()) as { ok: boolean; state?: WorkflowState; error?: string; problems?: PreflightProblem[] };
      if (!data.ok || !data.state) {
        setError({ message: data.error ?? 'That did not work; nothing was changed.', problems: data.problems ?? [] });
        return false;
      }
      adopt(data.state);
      setOpenAction(null);
      setNotice(success);
      return true;
    } catch {
      setError({ message: 'The server could not be reached; nothing was changed. Try again.', problems: [] });
      return false;
    } finally {
      moves.current += 1;
      setIsBusy(false);
    }
  };

  const resolveNote = async (noteId: number) => {
    setIsBusy(true);
    setError(null);
    setNotice('');
    const answer = await patchNote(articleId, noteId, { action: 'resolve' });
    setIsBusy(false);
    if (!answer.ok) {
      setError({ message: answer.error, problems: [] });
      return;
    }
    setNotice('Note resolved.');
    setReloads((count) => count + 1);
  };

  if (!state) {
    return (
      <section className={`workflow-panel ${styles.panel}`} aria-labelledby={titleId}>
        <h2 id={titleId}>Workflow</h2>
        {error ? <p role="alert" className="form-error">{error.message}</p> : <p className="hint">Loading…</p>}
      </section>
    );
  }

  return (
    <section className={`workflow-panel ${styles.panel}`} aria-labelledby={titleId} data-status={state.status}>
      <h2 id={titleId}>Workflow</h2>
      <p>
        Status: <StatusBadge status={state.status} data-testid="workflow-status" />
      </p>
      {state.scheduledFor ? <p>Publishes at {formatted(state.scheduledFor.iso, state.timeZone)}</p> : null}
      {state.embargoedUntil ? <p className="embargo-line">Embargoed until {formatted(state.embargoedUntil.iso, state.timeZone)}</p> : null}
      {state.hasUnpublishedChanges ? <p className={styles.pending}>The site still shows the published version; use Update to publish these changes.</p> : null}
      {!state.canEdit ? <p className="hint">You can read this article and its notes; editing is closed in this state.</p> : null}

      <PreflightList report={state.preflight} onResolveNote={canResolveNotes ? resolveNote : undefined} isBusy={isBusy} />

      {notice ? (
        <p role="status" className={styles.success}>
          {notice}
        </p>
      ) : null}
      {error && !openAction ? (
        <div role="alert" className="form-error">
          <p>{error.message}</p>
          {error.problems.length > 0 ? (
            <ul>
              {error.problems.map((problem) => (
                <li key={problem.code + problem.message}>{problem.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <div className={styles.actions}>
        {state.actions.map((action) => (
          <ActionForm
            key={action.action}
            action={action}
            timeZone={state.timeZone}
            defaultTime={state.embargoedUntil?.wall ?? null}
            isOpen={openAction === action.action}
            isBusy={isBusy}
            error={openAction === action.action && error ? [error.message, ...error.problems.map((problem) => problem.message)].join(' ') : null}
            onOpen={() => setOpenAction(action.action)}
            onClose={() => setOpenAction(null)}
            onSubmit={(payload) => run('workflow', { action: action.action, ...payload }, 'POST', doneMessage(action.action))}
          />
        ))}
        {state.actions.length === 0 ? <p className="hint">Nothing for you to do here in this state.</p> : null}
      </div>

      {state.canSetEmbargo ? (
        <EmbargoForm
          current={state.embargoedUntil}
          timeZone={state.timeZone}
          isBusy={isBusy}
          onSet={(until) => run('embargo', { until }, 'PUT', until ? 'Embargo set.' : 'Embargo lifted.')}
        />
      ) : null}
      {state.canSetEmbargo ? <PreviewLinksPanel articleId={articleId} /> : null}
    </section>
  );
}

function doneMessage(action: WorkflowAction): string {
  const messages: Record<WorkflowAction, string> = {
    submit: 'Submitted for review. The editors have been told.',
    withdraw: 'Withdrawn from review; it is a draft again.',
    request_changes: 'Changes requested. The authors have been told.',
    approve: 'Approved.',
    schedule: 'Scheduled.',
    unschedule: 'Unscheduled; it is approved and waiting.',
    publish: 'Published.',
    update: 'Update published.',
    unpublish: 'Unpublished: it is gone from the site.',
  };
  return messages[action];
}

function formatted(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' }).format(new Date(iso));
}
