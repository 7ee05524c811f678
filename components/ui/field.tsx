import type { ReactNode } from 'react';
import styles from './field.module.css';

/** What a Field hands its control so the label, hint and error reach assistive technology. */
export type FieldControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

/**
 * A labelled control with its hint and error. The control is rendered by `children` with the props it needs:
 * its `id` for the label, `aria-describedby` naming the hint and error, and `aria-invalid` while there is an error.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  /** Unique on the page; the hint and error take `<id>-hint` and `<id>-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `${styles.field} ${className}` : styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
