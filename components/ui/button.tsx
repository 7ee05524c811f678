import type { ComponentPropsWithRef } from 'react';
import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';
export type ButtonSize = 'small' | 'medium';

type Props = ComponentPropsWithRef<'button'> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** While true the button is disabled, marked busy and shows `busyLabel`, so a second press cannot send twice. */
  isBusy?: boolean;
  /** What the button says while busy, e.g. “Saving…”. */
  busyLabel?: string;
};

/** The desk's one button. `type` defaults to "button"; pass `type="submit"` to send its form. */
export function Button({ variant = 'primary', size = 'medium', isBusy = false, busyLabel, className, disabled, type = 'button', children, ...rest }: Props) {
  const classes = [styles.button, styles[variant], size === 'small' ? styles.small : null, className].filter(Boolean).join(' ');
  return (
    <button {...rest} type={type} className={classes} disabled={disabled || isBusy} aria-busy={isBusy || undefined}>
      {isBusy && busyLabel ? busyLabel : children}
    </button>
  );
}
