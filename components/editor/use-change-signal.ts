'use client';

import { useCallback, useEffect, useRef } from 'react';

export type ChangeSignal<Args extends unknown[] = []> = { notify: (...args: Args) => void; setHandler: (handler: (...args: Args) => void) => void };

/** A stable function to call on every change (editor callbacks keep the first one they are given); what it does is set later. */
export function useChangeSignal<Args extends unknown[] = []>(): ChangeSignal<Args> {
  const handlerRef = useRef<(...args: Args) => void>(() => {});
  const notify = useCallback((...args: Args) => handlerRef.current(...args), []);
  const setHandler = useCallback((handler: (...args: Args) => void) => {
    handlerRef.current = handler;
  }, []);
  return { notify, setHandler };
}

/** Makes the latest handler the one a change signal runs. */
export function useChangeHandler<Args extends unknown[] = []>(signal: ChangeSignal<Args>, handler: (...args: Args) => void) {
  const { setHandler } = signal;
  useEffect(() => setHandler(handler));
}
