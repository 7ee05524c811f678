import styles from './listing-page.module.css';

/** Newer/older links between pages of a listing, also announced to crawlers as rel=prev/next. */
export function ListingPagination({ basePath, page, pageCount, label }: { basePath: string; page: number; pageCount: number; label: string }) {
  if (pageCount <= 1) return null;
  const previous = page > 1 ? listingPageHref({ basePath, page: page - 1 }) : null;
  const next = page < pageCount ? listingPageHref({ basePath, page: page + 1 }) : null;
  return (
    <nav aria-label={label} className={styles.pagination}>
      {/* React places these in the document head. */}
      {previous ? <link rel="prev" href={previous} /> : null}
      {next ? <link rel="next" href={next} /> : null}
      {previous ? (
        <a rel="prev" href={previous}>
          Newer articles
        </a>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {next ? (
        <a rel="next" href={next}>
          Older articles
        </a>
      ) : null}
    </nav>
  );
}

/** The first page has no `?page`, so it has one address. */
export function listingPageHref({ basePath, page }: { basePath: string; page: number }): string {
  return page > 1 ? `${basePath}?page=${page}` : basePath;
}

/** `?page=N` for a positive whole N; absent means 1, anything else matches no page. */
export function parseListingPage(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) return null;
  return Number(value);
}
