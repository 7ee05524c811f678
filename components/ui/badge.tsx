import type { ReactNode } from 'react';
import styles from './badge.module.css';

export type BadgeTone = 'neutral' | 'positive' | 'waiting' | 'attention' | 'negative';
/** What the badge tells: also its class name, so lists can find, say, every status on a page. */
export type BadgeKind = 'status' | 'count' | 'kind' | 'role';

const TONE_CLASSES: Record<BadgeTone, string | undefined> = {
  neutral: undefined,
  positive: styles.positive,
  waiting: styles.waiting,
  attention: styles.attention,
  negative: styles.negative,
};

/** A small rounded label for a status, a count, a kind or a role; the tone says how it reads at a glance. */
export function Badge({
  kind,
  tone = 'neutral',
  className,
  children,
  ...rest
}: {
  kind: BadgeKind;
  tone?: BadgeTone;
  className?: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const classes = [kind, styles.badge, TONE_CLASSES[tone], className].filter(Boolean).join(' ');
  return (
    <span {...rest} className={classes}>
      {children}
    </span>
  );
}
