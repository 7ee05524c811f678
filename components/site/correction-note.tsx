import type { CorrectionKind } from '@/lib/articles/correction-kind';
import { formatDate } from '@/components/ui/format-date';
import styles from './corrections.module.css';

const KIND_LABELS: Record<CorrectionKind, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  update: 'Update',
};

/** One public note as readers see it: "Correction, 3 May 2026: …". */
export function CorrectionNote({ kind, note, createdAt }: { kind: CorrectionKind; note: string; createdAt: Date }) {
  return (
    <p className={styles.note}>
      <span className={styles.label}>
        {KIND_LABELS[kind]}, <time dateTime={createdAt.toISOString()}>{formatDate(createdAt)}</time>:
      </span>{' '}
      {note}
    </p>
  );
}
