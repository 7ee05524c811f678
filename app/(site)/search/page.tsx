import type { Metadata } from 'next';
import { connection } from 'next/server';
import { cache } from 'react';
import { SearchFacets } from '@/components/site/search-facets';
import { SearchForm } from '@/components/site/search-form';
import styles from '@/components/site/search-page.module.css';
import { SearchResults } from '@/components/site/search-results';
import { SearchTips } from '@/components/site/search-tips';
import { searchArticles } from '@/lib/site/search/search-articles';
import { parseSearchRequest, searchHref, type SearchRequest, type SearchSort } from '@/lib/site/search/search-request';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Metadata and page ask for the same search in one request: run it once.
const search = cache((q: string, page: number, sort: SearchSort, filters: string) => searchArticles({ q, page, sort, filters: JSON.parse(filters) }));
const run = (request: SearchRequest) => search(request.q, request.page, request.sort, JSON.stringify(request.filters));

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  await connection();
  const request = parseSearchRequest(await searchParams);
  return {
    title: request.q ? `Search: ${request.q.slice(0, 80)}` : 'Search',
    description: 'Search every article Masthead has published.',
    alternates: { canonical: '/search' },
    // Result pages are endless combinations of words and filters: crawlers should follow them, not index them.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const outcome = run(parseSearchRequest(await searchParams));
  const { request } = outcome;
  return (
    <>
      <h1>Search</h1>
      <SearchForm request={request} />
      {outcome.status === 'empty' ? (
        <>
          {request.q ? <p role="status">There are no words to search for in “{request.q.slice(0, 200)}”. Try a name or a few words.</p> : null}
          <SearchTips />
        </>
      ) : (
        <div className={styles.layout}>
          <SearchFacets facets={outcome.facets} request={request} />
          <section aria-labelledby="search-results-title">
            <h2 id="search-results-title" className="visually-hidden">
              Results
            </h2>
            <p role="status" className={styles.summary}>
              {summary(outcome.total, request.q)}
              {outcome.isTruncated ? ' Only the first words of a long search were used.' : null}
            </p>
            {outcome.activeFilters.length > 0 ? (
              <ul className={styles.active} aria-label="Narrowed to">
                {outcome.activeFilters.map((filter) => {
                  const filters = { ...request.filters };
                  delete filters[filter.key];
                  return (
                    <li key={filter.key}>
                      {filter.label} <a href={searchHref({ ...request, page: 1, filters })}>remove</a>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {outcome.total > 1 ? <SortLinks request={request} /> : null}
            {outcome.results.length > 0 ? (
              <SearchResults results={outcome.results} />
            ) : outcome.total > 0 ? (
              <p>
                There are fewer results than that. <a href={searchHref({ ...request, page: 1 })}>Back to the first page</a>
              </p>
            ) : (
              <SearchTips />
            )}
            <Pagination request={request} page={outcome.page} pageCount={outcome.pageCount} />
          </section>
        </div>
      )}
    </>
  );
}

function summary(total: number, q: string): string {
  const words = `“${q.slice(0, 200)}”`;
  if (total === 0) return `No articles match ${words}.`;
  return total === 1 ? `1 article matches ${words}.` : `${total.toLocaleString('en')} articles match ${words}.`;
}

function SortLinks({ request }: { request: SearchRequest }) {
  const options: { sort: SearchSort; label: string }[] = [
    { sort: 'relevance', label: 'Best match' },
    { sort: 'newest', label: 'Newest first' },
  ];
  return (
    <p className={styles.sorts}>
      Sort:
      {options.map((option) =>
        option.sort === request.sort ? (
          <strong key={option.sort} aria-current="true">
            {option.label}
          </strong>
        ) : (
          <a key={option.sort} href={searchHref({ ...request, sort: option.sort, page: 1 })}>
            {option.label}
          </a>
        ),
      )}
    </p>
  );
}

function Pagination({ request, page, pageCount }: { request: SearchRequest; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages of results" className={styles.pagination}>
      {page > 1 ? (
        <a rel="prev" href={searchHref({ ...request, page: page - 1 })}>
          Previous
        </a>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={searchHref({ ...request, page: page + 1 })}>
          Next
        </a>
      ) : null}
    </nav>
  );
}
