import type { ReactNode } from 'react';
import styles from './empty-state.module.css';

/** What a list shows while it has nothing in it: a sentence saying so and, when there is one, the next step. */
export function EmptyState({ children, action, isAnnounced = false }: { children: ReactNode; action?: ReactNode; /** For a list that empties after a filter or search: the change is read out. */ isAnnounced?: boolean }) {
  return (
    <div className={styles.emptyState} role={isAnnounced ? 'status' : undefined}>
      <p>{children}</p>
      {action ? <div>{action}</div> : null}
    </div>
  );
}
