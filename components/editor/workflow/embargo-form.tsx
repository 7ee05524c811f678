'use client';

import { useId, useState } from 'react';
import styles from './workflow.module.css';
import { Button } from '@/components/ui/button';

type Props = {
  current: { iso: string; wall: string } | null;
  timeZone: string;
  isBusy: boolean;
  onSet: (until: string | null) => Promise<boolean>;
};

/** Sets or lifts the embargo: the article cannot go out, or show anywhere public, before it ends. */
export function EmbargoForm({ current, timeZone, isBusy, onSet }: Props) {
  const [until, setUntil] = useState(current?.wall ?? '');
  const fieldId = useId();
  return (
    <form
      className={styles.embargo}
      onSubmit={(event) => {
        event.preventDefault();
        void onSet(until || null);
      }}
    >
      <label htmlFor={fieldId}>Embargoed until ({timeZone})</label>
      <input id={fieldId} type="datetime-local" value={until} onChange={(event) => setUntil(event.target.value)} />
      <Button type="submit" disabled={isBusy || !until}>
        Set embargo
      </Button>
      {current ? (
        <Button
          variant="quiet"
          disabled={isBusy}
          onClick={() => {
            setUntil('');
            void onSet(null);
          }}
        >
          Lift embargo
        </Button>
      ) : null}
    </form>
  );
}
