'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { Requirement, WorkflowAction } from '@/lib/articles/workflow';
import { DatePicker } from '@/components/ui/date-picker';
import { Select } from '@/components/ui/select';
import styles from './workflow.module.css';

type Payload = { note?: string; scheduledFor?: string; correction?: { kind: string; note: string } | null };

type Props = {
  action: { action: WorkflowAction; label: string; needs: readonly Requirement[] };
  timeZone: string;
  /** Where the time field starts (e.g. the embargo's end). */
  defaultTime: string | null;
  isOpen: boolean;
  isBusy: boolean;
  /** Shown inside the open form, which covers the rest of the panel. */
  error: string | null;
  onOpen: () => void;
  onClose: () => void;
  onSubmit: (payload: Payload) => Promise<boolean>;
};

/** Moves that need more than a click (a note, a time, a public correction) open a small form in a dialog first. */
const NEEDS_FORM: Partial<Record<WorkflowAction, string>> = {
  request_changes: 'Send change request',
  schedule: 'Schedule publication',
  update: 'Publish update',
  unpublish: 'Unpublish now',
};

export function ActionForm({ action, timeZone, defaultTime, isOpen, isBusy, error, onOpen, onClose, onSubmit }: Props) {
  const [note, setNote] = useState('');
  const [scheduledFor, setScheduledFor] = useState(defaultTime ?? '');
  const [correctionKind, setCorrectionKind] = useState('');
  const [correctionNote, setCorrectionNote] = useState('');
  const ids = { note: useId(), time: useId(), kind: useId(), correction: useId() };
  const confirmLabel = NEEDS_FORM[action.action];

  if (!confirmLabel) {
    return (
      <Button variant={action.action === 'publish' || action.action === 'approve' ? 'primary' : 'secondary'} disabled={isBusy} onClick={() => void onSubmit({})}>
        {action.label}
      </Button>
    );
  }

  return (
    <div className="workflow-action">
      <Button variant="secondary" aria-haspopup="dialog" disabled={isBusy} onClick={onOpen}>
        {action.label}…
      </Button>
      <Dialog isOpen={isOpen} title={action.label} onClose={onClose}>
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            const payload: Payload = { note };
            if (action.action === 'schedule') payload.scheduledFor = scheduledFor;
            if (action.action === 'update') payload.correction = correctionKind ? { kind: correctionKind, note: correctionNote } : null;
            void onSubmit(payload).then((isDone) => {
              if (isDone) setNote('');
            });
          }}
        >
          {action.action === 'schedule' ? (
            <>
              <label htmlFor={ids.time}>Publish at ({timeZone})</label>
              <DatePicker id={ids.time} mode="datetime" timeZone={timeZone} required value={scheduledFor} onChange={setScheduledFor} />
            </>
          ) : null}
          {action.action === 'update' ? (
            <>
              <label htmlFor={ids.kind}>Public note</label>
              <Select
                id={ids.kind}
                value={correctionKind}
                emptyLabel="None (a silent fix)"
                options={[
                  { value: 'correction', label: 'Correction' },
                  { value: 'clarification', label: 'Clarification' },
                  { value: 'update', label: 'Update' },
                ]}
                onChange={setCorrectionKind}
              />
              {correctionKind ? (
                <>
                  <label htmlFor={ids.correction}>What readers are told</label>
                  <textarea id={ids.correction} required rows={3} value={correctionNote} onChange={(event) => setCorrectionNote(event.target.value)} />
                </>
              ) : null}
            </>
          ) : null}
          {action.action === 'request_changes' || action.action === 'unpublish' ? (
            <>
              <label htmlFor={ids.note}>{action.action === 'request_changes' ? 'What needs to change' : 'Why (for the audit log)'}</label>
              <textarea id={ids.note} rows={3} required={action.action === 'request_changes'} value={note} onChange={(event) => setNote(event.target.value)} />
            </>
          ) : null}
          {error ? (
            <p role="alert" className="form-error">
              {error}
            </p>
          ) : null}
          <div className="panel-actions">
            <Button type="submit" isBusy={isBusy} busyLabel="Working…">
              {confirmLabel}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
