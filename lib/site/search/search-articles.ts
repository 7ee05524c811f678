import 'server-only';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, entities, issues, publishedArticleEntities, revisions, sections, type EntityKind } from '@/db/schema';
import { publishedBylinesFor, type Byline } from '@/lib/articles/article-bylines';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { ENTITY_KIND_LABELS } from '@/lib/entities/entity-path';
import { isApprovedEntity } from '@/lib/entities/is-approved-entity';
import { articleSearch, SEARCH_COLUMNS } from './article-search-table';
import { markedTextToHtml } from './marked-text-to-html';
import { parseSearchQuery, type SearchTerm } from './parse-search-query';
import { resolveSearchFilters, type ActiveSearchFilter } from './resolve-search-filters';
import { MAX_SEARCH_PAGE, type SearchFilters, type SearchRequest, type SearchSort } from './search-request';

export const SEARCH_PAGE_SIZE = 20;
const FACET_SIZE = 12;
const SNIPPET_TOKENS = 32;
/** BM25 weights per column (title, dek, body, authors, entities): a word in the title says most about an article. */
const COLUMN_WEIGHTS = sql.raw('10.0, 4.0, 1.0, 2.0, 2.0');

export type SearchResult = {
  id: number;
  slug: string;
  title: string;
  /** HTML: the escaped text with the matched words in `<mark>`; nothing else is markup. */
  titleHtml: string;
  dekHtml: string;
  snippetHtml: string;
  publishedAt: Date;
  section: { name: string; slug: string } | null;
  issue: { title: string; slug: string } | null;
  authors: Byline[];
  /** Whether only some readers may read it whole: the snippet then comes from its public part. */
  isMembersOnly: boolean;
};

export type SearchFacetValue = { filters: SearchFilters; label: string; count: number; isSelected: boolean };

export type SearchFacets = { sections: SearchFacetValue[]; years: SearchFacetValue[]; issues: SearchFacetValue[]; entities: SearchFacetValue[] };

export type SearchOutcome =
  | { status: 'empty'; request: SearchRequest }
  | {
      status: 'searched';
      /** The request with only the filters that matched something real. */
      request: SearchRequest;
      terms: SearchTerm[];
      isTruncated: boolean;
      total: number;
      page: number;
      pageCount: number;
      results: SearchResult[];
      facets: SearchFacets;
      activeFilters: ActiveSearchFilter[];
      tookMs: number;
    };

/**
 * Full-text search over published articles: BM25 with title and dek weighted up (or newest first),
 * one page of results with marked snippets, the total, and facet counts (section, year, issue, entity)
 * over everything that matched under the current filters. Any text is a valid query; text with no words
 * in it answers `empty`.
 */
export function searchArticles({
  q,
  page = 1,
  sort = 'relevance',
  filters = {},
}: {
  q: string;
  page?: number;
  sort?: SearchSort;
  filters?: SearchFilters;
}): SearchOutcome {
  const started = performance.now();
  const parsed = parseSearchQuery(q);
  const resolved = resolveSearchFilters(filters);
  const safePage = Number.isSafeInteger(page) ? Math.min(Math.max(page, 1), MAX_SEARCH_PAGE) : 1;
  const request: SearchRequest = { q, page: safePage, sort, filters: resolved.filters };
  if (parsed.expression === null) return { status: 'empty', request };

  const where = matchCondition({ expression: parsed.expression, conditions: resolved.conditions });
  const groups = countGroups(where);
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const ids = total > 0 && safePage <= pageCount ? pageOfIds({ where, sort, page: safePage }) : [];
  return {
    status: 'searched',
    request,
    terms: parsed.terms,
    isTruncated: parsed.isTruncated,
    total,
    page: safePage,
    pageCount,
    results: loadResults({ expression: parsed.expression, ids }),
    facets: {
      ...groupFacets({ groups, filters: resolved.filters }),
      entities: total > 0 ? entityFacet({ where, filters: resolved.filters }) : [],
    },
    activeFilters: resolved.active,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/**
 * The matches, joined to their articles. The queries put the index first with CROSS JOIN, which SQLite
 * never reorders: a selective filter (a year, say) would otherwise tempt the planner to run the
 * full-text match once per article.
 */
function matchCondition({ expression, conditions }: { expression: string; conditions: SQL[] }): SQL {
  return and(sql`${articleSearch} match ${expression}`, eq(articles.id, articleSearch.rowid), isPublicArticle(), ...conditions)!;
}

type MatchGroup = { sectionId: number | null; issueId: number | null; year: string; count: number };

/** One pass over the matches gives the total and three facets: (section, issue, year) combinations are few. */
function countGroups(where: SQL): MatchGroup[] {
  const year = sql<string>`strftime('%Y', ${articles.publishedAt} / 1000, 'unixepoch')`;
  return getDb()
    .select({ sectionId: articles.publishedSectionId, issueId: articles.publishedIssueId, year, count: count() })
    .from(articleSearch)
    .crossJoin(articles)
    .where(where)
    .groupBy(articles.publishedSectionId, articles.publishedIssueId, year)
    .all();
}

function pageOfIds({ where, sort, page }: { where: SQL; sort: SearchSort; page: number }): number[] {
  const order =
    sort === 'newest'
      ? [desc(articles.publishedAt), desc(articles.id)]
      : [asc(sql`bm25(${articleSearch}, ${COLUMN_WEIGHTS})`), desc(articles.publishedAt), desc(articles.id)];
  return getDb()
    .select({ id: articles.id })
    .from(articleSearch)
    .crossJoin(articles)
    .where(where)
    .orderBy(...order)
    .limit(SEARCH_PAGE_SIZE)
    .offset((page - 1) * SEARCH_PAGE_SIZE)
    .all()
    .map((row) => row.id);
}

/** Snippets are made only for the page being shown: FTS5 computes them per row, and matches can be thousands. */
function loadResults({ expression, ids }: { expression: string; ids: number[] }): SearchResult[] {
  if (ids.length === 0) return [];
  const marked = (column: number) => sql<string>`highlight(${articleSearch}, ${sql.raw(String(column))}, char(2), char(3))`;
  // One seek per id: FTS5 jumps straight to a rowid, while `rowid IN (…)` walks every match. The cast
  // matters: a JS number is bound as REAL, and FTS5 then ignores the rowid and answers with the first match.
  const query = getDb()
    .select({
      id: articles.id,
      slug: revisions.slug,
      title: revisions.title,
      titleMarked: marked(SEARCH_COLUMNS.title),
      dekMarked: marked(SEARCH_COLUMNS.dek),
      snippet: sql<string>`snippet(${articleSearch}, ${sql.raw(String(SEARCH_COLUMNS.body))}, char(2), char(3), '…', ${sql.raw(String(SNIPPET_TOKENS))})`,
      publishedAt: articles.publishedAt,
      publishedAccess: articles.publishedAccess,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      issueTitle: issues.title,
      issueSlug: issues.slug,
      issueStatus: issues.status,
    })
    .from(articleSearch)
    .crossJoin(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .leftJoin(issues, eq(issues.id, articles.publishedIssueId))
    .where(matchCondition({ expression, conditions: [eq(articleSearch.rowid, sql`cast(${sql.placeholder('id')} as integer)`)] }))
    .prepare();
  const bylines = publishedBylinesFor(ids);
  return ids.flatMap((id) => {
    const row = query.get({ id });
    if (!row) return [];
    return [
      {
        id: row.id,
        slug: row.slug,
        title: row.title,
        titleHtml: markedTextToHtml(row.titleMarked),
        dekHtml: markedTextToHtml(row.dekMarked),
        snippetHtml: markedTextToHtml(row.snippet),
        publishedAt: row.publishedAt!,
        section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
        issue: row.issueTitle && row.issueSlug && row.issueStatus === 'published' ? { title: row.issueTitle, slug: row.issueSlug } : null,
        authors: bylines.get(id) ?? [],
        isMembersOnly: row.publishedAccess !== 'public',
      },
    ];
  });
}

function groupFacets({ groups, filters }: { groups: MatchGroup[]; filters: SearchFilters }): Omit<SearchFacets, 'entities'> {
  const db = getDb();
  const sectionCounts = tally(groups, (group) => group.sectionId);
  const issueCounts = tally(groups, (group) => group.issueId);
  const yearCounts = tally(groups, (group) => group.year);
  const sectionRows = sectionCounts.size
    ? db.select({ id: sections.id, slug: sections.slug, name: sections.name, position: sections.position }).from(sections).where(inArray(sections.id, [...sectionCounts.keys()])).all()
    : [];
  const issueRows = issueCounts.size
    ? db
        .select({ id: issues.id, slug: issues.slug, title: issues.title, coverDate: issues.coverDate })
        .from(issues)
        .where(and(inArray(issues.id, [...issueCounts.keys()]), eq(issues.status, 'published')))
        .orderBy(desc(issues.coverDate))
        .limit(FACET_SIZE)
        .all()
    : [];
  return {
    sections: sectionRows
      .sort((left, right) => sectionCounts.get(right.id)! - sectionCounts.get(left.id)! || left.position - right.position)
      .map((section) => ({
        filters: { ...filters, section: section.slug },
        label: section.name,
        count: sectionCounts.get(section.id)!,
        isSelected: filters.section === section.slug,
      })),
    years: [...yearCounts.entries()]
      .sort(([left], [right]) => right.localeCompare(left))
      .map(([year, total]) => ({ filters: { ...filters, year: Number(year) }, label: year, count: total, isSelected: filters.year === Number(year) })),
    issues: issueRows.map((issue) => ({
      filters: { ...filters, issue: issue.slug },
      label: issue.title,
      count: issueCounts.get(issue.id)!,
      isSelected: filters.issue === issue.slug,
    })),
  };
}

function entityFacet({ where, filters }: { where: SQL; filters: SearchFilters }): SearchFacetValue[] {
  const tagged = count();
  const rows = getDb()
    .select({ kind: entities.kind, slug: entities.slug, name: entities.name, count: tagged })
    .from(articleSearch)
    .crossJoin(articles)
    .innerJoin(publishedArticleEntities, eq(publishedArticleEntities.articleId, articles.id))
    .innerJoin(entities, and(eq(entities.id, publishedArticleEntities.entityId), isApprovedEntity()))
    .where(where)
    .groupBy(entities.id)
    .orderBy(desc(tagged), asc(entities.name))
    .limit(FACET_SIZE)
    .all();
  return rows.map((row) => ({
    filters: { ...filters, entity: { kind: row.kind, slug: row.slug } },
    label: `${row.name} (${kindLabel(row.kind)})`,
    count: row.count,
    isSelected: filters.entity?.kind === row.kind && filters.entity.slug === row.slug,
  }));
}

function kindLabel(kind: EntityKind): string {
  return ENTITY_KIND_LABELS[kind].one.toLowerCase();
}

function tally<Key>(groups: MatchGroup[], keyOf: (group: MatchGroup) => Key | null): Map<Key, number> {
  const counts = new Map<Key, number>();
  for (const group of groups) {
    const key = keyOf(group);
    if (key === null) continue;
    counts.set(key, (counts.get(key) ?? 0) + group.count);
  }
  return counts;
}
