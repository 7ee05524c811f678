import type { ReactNode } from 'react';
import styles from './badge.module.css';

export type BadgeTone = 'neutral' | 'positive' | 'waiting' | 'attention' | 'negative';

const TONE_CLASSES: Record<BadgeTone, string | undefined> = {
  neutral: undefined,
  positive: styles.positive,
  waiting: styles.waiting,
  attention: styles.attention,
  negative: styles.negative,
};

/** A small rounded label for a status, a count or a kind; the tone says how it reads at a glance. */
export function Badge({ tone = 'neutral', className, children, ...rest }: { tone?: BadgeTone; className?: string; children: ReactNode; 'data-testid'?: string }) {
  const classes = [styles.badge, TONE_CLASSES[tone], className].filter(Boolean).join(' ');
  return (
    <span {...rest} className={classes}>
      {children}
    </span>
  );
}
