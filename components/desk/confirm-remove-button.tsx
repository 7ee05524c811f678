'use client';

import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';

type Answer = { ok: true; message?: string } | { ok: false; error: string };

/** A small Remove button that asks first; the removal's refusal stays in the dialog, its success becomes a toast. */
export function ConfirmRemoveButton({
  name,
  title,
  confirmLabel,
  children,
  onConfirm,
}: {
  /** The accessible name of the button, saying what goes: “Remove the redirect from /x”. */
  name: string;
  title: string;
  confirmLabel: string;
  /** What removing it means for readers or receivers. */
  children: ReactNode;
  onConfirm: () => Promise<Answer>;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = useToast();
  const descriptionId = `confirm-${name.replace(/\W+/g, '-')}`;
  const confirm = async () => {
    setIsBusy(true);
    const answer = await onConfirm();
    setIsBusy(false);
    if (answer.ok) {
      setIsOpen(false);
      show(answer.message ?? 'Removed.');
    } else {
      setError(answer.error);
    }
  };
  return (
    <>
      <Button variant="quiet" size="small" onClick={() => setIsOpen(true)} aria-label={name}>
        Remove
      </Button>
      <Dialog isOpen={isOpen} title={title} role="alertdialog" describedBy={descriptionId} onClose={() => setIsOpen(false)}>
        <p id={descriptionId}>{children}</p>
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
        <div className="panel-actions">
          <Button variant="danger" isBusy={isBusy} busyLabel="Removing…" onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={() => setIsOpen(false)}>
            Keep it
          </Button>
        </div>
      </Dialog>
    </>
  );
}
