import type { IssueTocSection } from '@/lib/issues/issue-contents';
import { Byline } from './byline';
import styles from './issue-page.module.css';

/** An issue's table of contents: each section in order, its articles in the planned order, with deks and bylines. */
export function IssueTableOfContents({ sections, emptyText }: { sections: IssueTocSection[]; emptyText: string }) {
  if (sections.length === 0) return <p>{emptyText}</p>;
  return (
    <nav aria-label="Table of contents" className={styles.toc}>
      {sections.map((section) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className={styles.tocSection}>
          <h2 id={`section-${section.slug}`}>{section.name}</h2>
          <ol className={styles.tocList}>
            {section.articles.map((article) => (
              <li key={article.id}>
                <h3 className={styles.tocTitle}>
                  <a href={article.href}>{article.title}</a>
                </h3>
                {article.dek ? <p className="dek">{article.dek}</p> : null}
                {article.authors.length > 0 ? (
                  <p className="meta">
                    <Byline authors={article.authors} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </nav>
  );
}
