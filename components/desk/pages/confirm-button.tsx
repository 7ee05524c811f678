'use client';

import { useState } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';

/** A button that asks once more, in words, before it does something readers will notice. */
export function ConfirmButton({ label, question, confirmLabel, variant = 'secondary', isBusy = false, onConfirm }: { label: string; question: string; confirmLabel: string; variant?: ButtonVariant; isBusy?: boolean; onConfirm: () => void }) {
  const [isAsking, setIsAsking] = useState(false);
  if (!isAsking) {
    return (
      <Button variant={variant} isBusy={isBusy} busyLabel="Working…" onClick={() => setIsAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span role="group" aria-label={question}>
      <span>{question}</span>{' '}
      <Button
        variant={variant}
        onClick={() => {
          setIsAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>{' '}
      <Button variant="quiet" onClick={() => setIsAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
