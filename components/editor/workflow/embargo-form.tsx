'use client';

import { useId, useState } from 'react';
import { DatePicker } from '@/components/ui/date-picker';
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
      <DatePicker id={fieldId} mode="datetime" timeZone={timeZone} value={until} onChange={setUntil} />
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
