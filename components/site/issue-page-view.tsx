import type { IssueContents } from '@/lib/issues/issue-contents';
import { IssueCover } from './issue-cover';
import { IssueTableOfContents } from './issue-table-of-contents';
import styles from './issue-page.module.css';

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** One issue as readers see it (and as the desk previews it): cover, editor's note and table of contents. */
export function IssuePageView({ issue, emptyText = 'No articles in this issue have been published yet.' }: { issue: IssueContents; emptyText?: string }) {
  return (
    <article className={`issue ${styles.issue}`}>
      <header className={styles.header}>
        {issue.cover ? <IssueCover cover={issue.cover} title={issue.title} sizes="(min-width: 48rem) 18rem, 60vw" isPriority className={styles.cover} /> : null}
        <div>
          <p className="kicker">
            Volume {issue.volume}, Number {issue.number} · {monthYear.format(new Date(`${issue.coverDate}T00:00:00Z`))}
          </p>
          <h1>{issue.title}</h1>
          {issue.editorsNoteHtml ? (
            <section aria-label="Editor’s note" className={`article-body ${styles.note}`} dangerouslySetInnerHTML={{ __html: issue.editorsNoteHtml }} />
          ) : issue.editorsNote ? (
            <section aria-label="Editor’s note" className={styles.note}>
              <p className="dek">{issue.editorsNote}</p>
            </section>
          ) : null}
        </div>
      </header>
      <IssueTableOfContents sections={issue.sections} emptyText={emptyText} />
    </article>
  );
}
