'use client';

import { useCallback, useEffect, useRef } from 'react';

export type ChangeSignal = { notify: () => void; setHandler: (handler: () => void) => void };

/** A stable function to call on every change (editor callbacks keep the first one they are given); what it does is set later. */
export function useChangeSignal(): ChangeSignal {
  const handlerRef = useRef<() => void>(() => {});
  const notify = useCallback(() => handlerRef.current(), []);
  const setHandler = useCallback((handler: () => void) => {
    handlerRef.current = handler;
  }, []);
  return { notify, setHandler };
}

/** Makes the latest handler the one a change signal runs. */
export function useChangeHandler(signal: ChangeSignal, handler: () => void) {
  const { setHandler } = signal;
  useEffect(() => setHandler(handler));
}
