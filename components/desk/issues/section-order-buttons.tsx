'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { SectionActionResult } from '@/lib/issues/sections/section-action-state';
import styles from './issues.module.css';
import { Button } from '@/components/ui/button';

/** Move a section up or down in the order of every table of contents; the result is announced. */
export function SectionOrderButtons({
  moveAction,
  id,
  name,
  isFirst,
  isLast,
}: {
  moveAction: (input: { id: number; direction: 'up' | 'down' }) => Promise<SectionActionResult>;
  id: number;
  name: string;
  isFirst: boolean;
  isLast: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [isPending, startTransition] = useTransition();
  function move(direction: 'up' | 'down'): void {
    startTransition(async () => {
      const result = await moveAction({ id, direction });
      setMessage(result.ok ? result.message : result.error);
      if (result.ok) router.refresh();
    });
  }
  return (
    <span className={styles.orderButtons}>
      <Button variant="secondary" size="small" aria-label={`Move ${name} up`} disabled={isFirst || isPending} onClick={() => move('up')}>
        Move up
      </Button>
      <Button variant="secondary" size="small" aria-label={`Move ${name} down`} disabled={isLast || isPending} onClick={() => move('down')}>
        Move down
      </Button>
      <span role="status" aria-live="polite" className="visually-hidden">
        {message}
      </span>
    </span>
  );
}
