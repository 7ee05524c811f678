import Link from 'next/link';
import styles from './pages.module.css';

/** Pages and the menus that lead to them: two tabs of one desk area. */
export function PagesTabs({ current, canManageNavigation }: { current: 'pages' | 'navigation'; canManageNavigation: boolean }) {
  if (!canManageNavigation) return null;
  return (
    <nav aria-label="Site pages" className={styles.tabs}>
      <Link href="/desk/pages" aria-current={current === 'pages' ? 'page' : undefined}>
        Pages
      </Link>
      <Link href="/desk/pages/navigation" aria-current={current === 'navigation' ? 'page' : undefined}>
        Header and footer
      </Link>
    </nav>
  );
}
