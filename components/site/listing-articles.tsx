import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { ArticleList } from './article-list';
import { ListingPagination } from './listing-pagination';
import styles from './listing-page.module.css';

/** The articles part of a section or author page: heading, feed link, one page of articles, pagination. */
export function ListingArticles({
  basePath,
  articles,
  page,
  pageCount,
  emptyText,
  isSectionShown,
}: {
  basePath: string;
  articles: PublishedArticleSummary[];
  page: number;
  pageCount: number;
  emptyText: string;
  isSectionShown: boolean;
}) {
  return (
    <section aria-labelledby="listing-articles-title">
      <div className={styles.heading}>
        <h2 id="listing-articles-title">
          Articles{pageCount > 1 ? <span className="meta"> · page {page} of {pageCount}</span> : null}
        </h2>
        {/* A plain link: the feed is a file, not a page the client router could show. */}
        <a className={styles.feedLink} href={`${basePath}/feed.xml`} type="application/rss+xml">
          Follow via RSS
        </a>
      </div>
      {articles.length > 0 ? <ArticleList articles={articles} isSectionShown={isSectionShown} /> : <p>{emptyText}</p>}
      <ListingPagination basePath={basePath} page={page} pageCount={pageCount} label="Pages of articles" />
    </section>
  );
}
