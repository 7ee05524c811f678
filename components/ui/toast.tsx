'use client';

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import styles from './toast.module.css';

type ShowToast = (message: string) => void;

const ToastContext = createContext<ShowToast | null>(null);

/**
 * Holds the desk's confirmation messages. The status region is on the page from the start, so a message put
 * into it is announced politely; it stays until the next one or until dismissed, so nobody has to read fast.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; serial: number } | null>(null);
  const show = useCallback<ShowToast>((text) => setMessage((current) => ({ text, serial: (current?.serial ?? 0) + 1 })), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className={styles.region} data-shown={message ? '' : undefined}>
        <p role="status" aria-live="polite" className={styles.message}>
          {/* A fresh node per message, so the same words said twice are announced twice. */}
          {message ? <span key={message.serial}>{message.text}</span> : null}
        </p>
        {message ? (
          <button type="button" className={styles.dismiss} onClick={() => setMessage(null)} aria-label="Dismiss the message">
            ×
          </button>
        ) : null}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a confirmation in the desk's status region. */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast needs a ToastProvider above it (the desk shell has one).');
  return show;
}

type ActionResult = { ok: true; message: string } | { ok: false } | null;

/** Toasts the message of each successful result an action returns. */
export function useToastOnSuccess(result: ActionResult): void {
  const show = useToast();
  useEffect(() => {
    if (result?.ok) show(result.message);
  }, [result, show]);
}
