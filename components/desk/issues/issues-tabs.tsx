import Link from 'next/link';
import styles from './issues.module.css';

/** Issues and sections are managed side by side: two tabs of one desk area. */
export function IssuesTabs({ current, canManageSections }: { current: 'issues' | 'sections'; canManageSections: boolean }) {
  if (!canManageSections) return null;
  return (
    <nav aria-label="Magazine" className={styles.tabs}>
      <Link href="/desk/issues" aria-current={current === 'issues' ? 'page' : undefined}>
        Issues
      </Link>
      <Link href="/desk/sections" aria-current={current === 'sections' ? 'page' : undefined}>
        Sections
      </Link>
    </nav>
  );
}
