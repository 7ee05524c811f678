import { formatDate } from '@/components/ui/format-date';
import type { SearchResult } from '@/lib/site/search/search-articles';
import { Byline } from './byline';
import styles from './search-page.module.css';

/**
 * One page of results. The title, dek and snippet HTML come from the search domain, which escapes all
 * of the article's text and adds only `<mark>` around the matched words.
 */
export function SearchResults({ results }: { results: SearchResult[] }) {
  return (
    <ol className={styles.results}>
      {results.map((result) => (
        <li key={result.id}>
          {result.section ? <p className="kicker">{result.section.name}</p> : null}
          <h2>
            <a href={`/articles/${result.slug}`} dangerouslySetInnerHTML={{ __html: result.titleHtml }} />
            {result.isMembersOnly ? <span className="members-only">Members only</span> : null}
          </h2>
          {result.dekHtml ? <p className="dek" dangerouslySetInnerHTML={{ __html: result.dekHtml }} /> : null}
          {result.snippetHtml ? <p dangerouslySetInnerHTML={{ __html: result.snippetHtml }} /> : null}
          <p className="meta">
            <Byline authors={result.authors} /> <time dateTime={result.publishedAt.toISOString()}>{formatDate(result.publishedAt)}</time>
            {result.issue ? (
              <>
                {' · '}
                <a href={`/issues/${result.issue.slug}`}>{result.issue.title}</a>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
