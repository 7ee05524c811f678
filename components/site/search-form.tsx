import type { SearchRequest } from '@/lib/site/search/search-request';
import styles from './search-page.module.css';

/** A plain GET form: searching works without JavaScript, and a results page has its own address. */
export function SearchForm({ request }: { request: SearchRequest }) {
  const { section, issue, year, entity } = request.filters;
  return (
    <form role="search" action="/search" method="get" className={styles.form}>
      <label className={styles.query}>
        Search articles
        <input type="search" name="q" defaultValue={request.q} maxLength={2000} autoComplete="off" enterKeyHint="search" />
      </label>
      {section ? <input type="hidden" name="section" value={section} /> : null}
      {issue ? <input type="hidden" name="issue" value={issue} /> : null}
      {year ? <input type="hidden" name="year" value={year} /> : null}
      {entity ? <input type="hidden" name="entity" value={`${entity.kind}:${entity.slug}`} /> : null}
      {request.sort !== 'relevance' ? <input type="hidden" name="sort" value={request.sort} /> : null}
      <button type="submit">Search</button>
    </form>
  );
}
