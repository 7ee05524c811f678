import Link from 'next/link';
import type { IssueBlocker } from '@/lib/issues/issue-blocker';
import styles from './issues.module.css';

/** At a glance: what keeps the issue from being published, article by article. */
export function IssueBlockerSummary({ blockers, articleCount }: { blockers: IssueBlocker[]; articleCount: number }) {
  if (articleCount === 0) return null;
  if (blockers.length === 0) {
    return (
      <p role="note" className="notice">
        Nothing blocks publication: every article is approved or already published.
      </p>
    );
  }
  return (
    <section aria-labelledby="blockers-heading" className={styles.blockerSummary}>
      <h3 id="blockers-heading">
        {blockers.length === 1 ? 'One article blocks publication' : `${blockers.length} articles block publication`}
      </h3>
      <ul>
        {blockers.map((blocker) => (
          <li key={blocker.articleId}>
            <Link href={`/desk/articles/${blocker.articleId}`}>{blocker.title}</Link>: {blocker.reasons.join(' ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
