import Link from 'next/link';
import styles from './entity-page.module.css';

/** Newer/older links between pages of an entity's articles, also announced to crawlers as rel=prev/next. */
export function EntityPagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const previous = page > 1 ? entityPageHref({ basePath, page: page - 1 }) : null;
  const next = page < pageCount ? entityPageHref({ basePath, page: page + 1 }) : null;
  return (
    <nav aria-label="Pages of articles" className={styles.pagination}>
      {/* React places these in the document head. */}
      {previous ? <link rel="prev" href={previous} /> : null}
      {next ? <link rel="next" href={next} /> : null}
      {previous ? (
        <Link rel="prev" href={previous}>
          Newer articles
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {next ? (
        <Link rel="next" href={next}>
          Older articles
        </Link>
      ) : null}
    </nav>
  );
}

/** The first page has no `?page`, so it has one address. */
export function entityPageHref({ basePath, page }: { basePath: string; page: number }): string {
  return page > 1 ? `${basePath}?page=${page}` : basePath;
}
