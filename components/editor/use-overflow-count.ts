'use client';

import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * How many items a one-row container must hand over to an overflow menu so that the rest fit its width.
 * Grows one at a time while the row overflows; starts again from none whenever the row gets wider.
 */
export function useOverflowCount(limit: number) {
  const rowRef = useRef<HTMLDivElement>(null);
  const [overflowCount, setOverflowCount] = useState(0);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const row = rowRef.current;
    if (!row) return;
    let lastWidth = row.clientWidth;
    const observer = new ResizeObserver(() => {
      const width = row.clientWidth;
      if (width === lastWidth) return;
      if (width > lastWidth) setOverflowCount(0);
      lastWidth = width;
      setWidth(width);
    });
    observer.observe(row);
    return () => observer.disconnect();
  }, []);

  // Before paint: a row that still overflows gives up one more item, until it fits.
  useLayoutEffect(() => {
    const row = rowRef.current;
    if (!row || overflowCount >= limit) return;
    if (row.scrollWidth > row.clientWidth + 1) setOverflowCount(overflowCount + 1);
  }, [overflowCount, limit, width]);

  return { rowRef, overflowCount };
}
