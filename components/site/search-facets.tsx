import type { SearchFacets as Facets, SearchFacetValue } from '@/lib/site/search/search-articles';
import { searchHref, type SearchFilters, type SearchRequest } from '@/lib/site/search/search-request';
import styles from './search-page.module.css';

const GROUPS: { key: keyof Facets; title: string; filter: keyof SearchFilters }[] = [
  { key: 'sections', title: 'Section', filter: 'section' },
  { key: 'years', title: 'Year', filter: 'year' },
  { key: 'issues', title: 'Issue', filter: 'issue' },
  { key: 'entities', title: 'About', filter: 'entity' },
];

/** Counts of the matches by section, year, issue and entity; each value narrows the search, a chosen one widens it again. */
export function SearchFacets({ facets, request }: { facets: Facets; request: SearchRequest }) {
  return (
    <nav className={styles.facets} aria-label="Narrow the results">
      {GROUPS.filter((group) => facets[group.key].length > 0).map((group) => (
        <section key={group.key} aria-labelledby={`facet-${group.key}`}>
          <h2 id={`facet-${group.key}`}>{group.title}</h2>
          <ul>
            {facets[group.key].map((value) => (
              <li key={value.label}>
                <FacetLink value={value} request={request} filter={group.filter} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

function FacetLink({ value, request, filter }: { value: SearchFacetValue; request: SearchRequest; filter: keyof SearchFilters }) {
  if (value.isSelected) {
    const filters = { ...request.filters };
    delete filters[filter];
    return (
      <a href={searchHref({ ...request, page: 1, filters })} aria-current="true">
        <strong>{value.label}</strong> <span className="meta">({value.count}) · remove</span>
      </a>
    );
  }
  return (
    <a href={searchHref({ ...request, page: 1, filters: value.filters })}>
      {value.label} <span className="meta">({value.count})</span>
    </a>
  );
}
