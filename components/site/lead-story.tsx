import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { formatDate } from '@/components/ui/format-date';
import { Byline } from './byline';
import styles from './lead-story.module.css';

/** The newest article, first on the home page: its title is the first link in the main content. */
export function LeadStory({ article }: { article: PublishedArticleSummary }) {
  return (
    <section className={styles.lead} aria-labelledby="lead-story-label">
      <p id="lead-story-label" className="kicker">
        Just published{article.section ? ` · ${article.section.name}` : ''}
      </p>
      <h2 className={styles.title}>
        <a href={`/articles/${article.slug}`}>{article.title}</a>
      </h2>
      {article.dek ? <p className="dek">{article.dek}</p> : null}
      <p className="meta">
        <Byline authors={article.authors} /> <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt)}</time>
      </p>
    </section>
  );
}
