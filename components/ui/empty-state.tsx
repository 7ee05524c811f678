import type { ReactNode } from 'react';
import styles from './empty-state.module.css';

/** What a list shows while it has nothing in it: a sentence saying so and, when there is one, the next step. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className={styles.emptyState} data-empty-state="">
      <p>{children}</p>
      {action ? <div>{action}</div> : null}
    </div>
  );
}
