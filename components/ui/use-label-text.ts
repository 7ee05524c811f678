'use client';

import { useEffect, useState, type RefObject } from 'react';
import { accessibleNameOf } from './accessible-name-of';

/**
 * The words of a control's label, read once it is on the page. A popup or error inside a wrapping label would
 * otherwise become part of the control's name whenever it shows.
 */
export function useLabelText(ref: RefObject<HTMLElement | null>): string | undefined {
  const [text, setText] = useState<string>();
  useEffect(() => {
    if (ref.current) setText(accessibleNameOf(ref.current) || undefined);
  }, [ref]);
  return text;
}
