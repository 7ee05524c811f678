'use client';

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import styles from './dialog.module.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

type Props = {
  isOpen: boolean;
  title: ReactNode;
  /** Called on Escape. Without it Escape does nothing, for a dialog that needs an answer. */
  onClose?: () => void;
  /** `alertdialog` for an interruption that needs an answer; `dialog` otherwise. */
  role?: 'dialog' | 'alertdialog';
  /** The id of the text that explains the dialog, read after its title. */
  describedBy?: string;
  className?: string;
  children: ReactNode;
};

/**
 * A modal on the native `<dialog>`: the page behind it is inert, Tab stays inside, Escape closes it and focus
 * goes back to whatever had it when it opened. Named by its title.
 */
export function Dialog({ isOpen, title, onClose, role = 'dialog', describedBy, className, children }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !isOpen) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [isOpen]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // The browser would close the dialog itself; the owner decides, so its state stays the truth.
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose?.();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, [onClose]);

  const keepTabInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      aria-modal="true"
      className={className ? `${styles.dialog} ${className}` : styles.dialog}
      onKeyDown={keepTabInside}
    >
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      {isOpen ? children : null}
    </dialog>
  );
}
