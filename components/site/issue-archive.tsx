import type { ArchiveYear } from '@/lib/issues/list-issue-archive';
import { IssueCover } from './issue-cover';
import styles from './issue-page.module.css';

/** Every published issue by year, newest first, each with its cover. */
export function IssueArchive({ years }: { years: ArchiveYear[] }) {
  if (years.length === 0) return <p>No issues have been published yet.</p>;
  return (
    <>
      {years.map((group) => (
        <section key={group.year} aria-labelledby={`year-${group.year}`} className={styles.archiveYear}>
          <h2 id={`year-${group.year}`}>{group.year}</h2>
          <ul className={`issue-list ${styles.archiveGrid}`}>
            {group.issues.map((issue) => (
              <li key={issue.id} className={styles.archiveItem}>
                <a href={`/issues/${issue.slug}`}>
                  {issue.cover ? (
                    <IssueCover cover={issue.cover} title={issue.title} sizes="(min-width: 48rem) 12rem, 45vw" className={styles.archiveCover} />
                  ) : (
                    <span className={styles.archiveNoCover} aria-hidden="true">
                      {issue.title}
                    </span>
                  )}
                  <span className={styles.archiveTitle}>{issue.title}</span>
                  <span className="meta">
                    Volume {issue.volume}, Number {issue.number}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
