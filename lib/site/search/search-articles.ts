import 'server-only';
import type Database from 'better-sqlite3';
import { and, desc, eq, gte, inArray, lte, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { getDb, getSqlite } from '@/db/client';
import { articleSearchFacts, articles, entities, issues, revisions, sections, type EntityKind } from '@/db/schema';
import { publishedBylinesFor, type Byline } from '@/lib/articles/article-bylines';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { ENTITY_KIND_LABELS } from '@/lib/entities/entity-path';
import { isApprovedEntity } from '@/lib/entities/is-approved-entity';
import { articleSearch, LONGEST_INDEXED_PREFIX, SEARCH_COLUMNS } from './article-search-table';
import { markedTextToHtml } from './marked-text-to-html';
import { parseSearchQuery, searchExpressionOf, type SearchTerm } from './parse-search-query';
import { resolveSearchFilters, type ActiveSearchFilter } from './resolve-search-filters';
import { settleLastPrefix } from './settle-last-prefix';
import { countSearchFacets, mostCounted, newestPageOf, searchFactsSnapshot, type SearchFacetCounts } from './search-facts-snapshot';
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

  // One read transaction: the matches, the page and the kept facts all describe the same moment.
  return getSqlite().transaction(() => {
    const searched = settleLastPrefix(getSqlite(), parsed.terms);
    const expression = searchExpressionOf(searched)!;
    const where = matchCondition({ expression, conditions: resolved.conditions });
    const snapshot = searchFactsSnapshot(getSqlite());
    const matchedIds = matchingIds(where);
    const total = matchedIds.length;
    const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
    const pageWindow = { offset: (safePage - 1) * SEARCH_PAGE_SIZE, limit: SEARCH_PAGE_SIZE };
    const ids = total === 0 || safePage > pageCount ? [] : sort === 'newest' ? newestPageOf(snapshot, matchedIds, pageWindow) : mostRelevantIds(where, pageWindow);
    const counts = countSearchFacets(snapshot, matchedIds);
    return {
      status: 'searched' as const,
      request,
      terms: parsed.terms,
      isTruncated: parsed.isTruncated,
      total,
      page: safePage,
      pageCount,
      results: loadResults({ expression, terms: searched, ids }),
      facets: { ...groupFacets({ counts, filters: resolved.filters }), entities: entityFacet({ counts: counts.entities, filters: resolved.filters }) },
      activeFilters: resolved.active,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  })();
}

/**
 * The matches, joined to the facts of public articles: a narrow row each, where the articles row would also
 * carry the working copy's document and text. The queries put the index first with CROSS JOIN, which SQLite
 * never reorders: a selective filter (a year, say) would otherwise tempt the planner to run the full-text
 * match once per article.
 */
function matchCondition({ expression, conditions }: { expression: string; conditions: SQL[] }): SQL {
  return and(sql`${articleSearch} match ${expression}`, eq(articleSearchFacts.articleId, articleSearch.rowid), ...conditions)!;
}

/**
 * Every match readers may see, as article ids: the total, the facets and (newest first) the page all come
 * from this one list and the kept facts, so the full-text match is walked once for them. Read as bare values:
 * a row object per match costs more than the walk itself on a common word.
 */
function matchingIds(where: SQL): number[] {
  const query = getDb().select({ id: articleSearchFacts.articleId }).from(articleSearch).crossJoin(articleSearchFacts).where(where).toSQL();
  return pluckingStatement(query.sql).all(...query.params) as number[];
}

const pluckingStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement of this connection that answers bare first-column values, compiled once per SQL text (filters add a few shapes). */
function pluckingStatement(source: string): Database.Statement {
  const sqlite = getSqlite();
  let statements = pluckingStatements.get(sqlite);
  if (!statements) pluckingStatements.set(sqlite, (statements = new Map()));
  let statement = statements.get(source);
  if (!statement) statements.set(source, (statement = sqlite.prepare(source).pluck()));
  return statement;
}

/**
 * One page in order of relevance: BM25 (it reads each match's column sizes, so it is computed only here), then
 * newest first. SQLite keeps only the best rows up to the page's end while it walks the matches, instead of sorting all.
 */
function mostRelevantIds(where: SQL, { offset, limit }: { offset: number; limit: number }): number[] {
  return getDb()
    .select({ id: articleSearchFacts.articleId })
    .from(articleSearch)
    .crossJoin(articleSearchFacts)
    .where(where)
    .orderBy(sql`bm25(${articleSearch}, ${COLUMN_WEIGHTS})`, desc(articleSearchFacts.publishedAt), desc(articleSearchFacts.articleId))
    .limit(limit)
    .offset(offset)
    .values()
    .map((row) => row[0] as number);
}

/**
 * Snippets are made only for the page being shown: FTS5 computes them per row, and matches can be thousands.
 * Two plans, chosen by the shape of the query. Usually one seek per id: FTS5 jumps straight to a rowid.
 * But a prefix longer than the index's prefix lengths is expanded (every term it begins merged into one
 * list) on each seek, so for such a query one walk over the matches between the page's lowest and highest
 * id, keeping the page's ids, costs less than twenty expansions.
 */
function loadResults({ expression, terms, ids }: { expression: string; terms: SearchTerm[]; ids: number[] }): SearchResult[] {
  if (ids.length === 0) return [];
  const rows = hasUnindexedPrefix(terms) ? resultRowsByWalk({ expression, ids }) : resultRowsBySeeks({ expression, ids });
  const bylines = publishedBylinesFor(ids);
  return ids.flatMap((id) => {
    const row = rows.get(id);
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

function hasUnindexedPrefix(terms: SearchTerm[]): boolean {
  return terms.some((term) => term.isPrefix && term.words[0]!.length > LONGEST_INDEXED_PREFIX);
}

// The cast matters: a JS number is bound as REAL, and FTS5 then ignores a rowid constraint.
const asRowid = (value: SQL | Placeholder | number) => sql`cast(${value} as integer)`;

function resultRowsBySeeks({ expression, ids }: { expression: string; ids: number[] }): Map<number, ResultRow> {
  const query = resultQuery({ expression, conditions: [eq(articleSearch.rowid, asRowid(sql.placeholder('id')))] }).prepare();
  return new Map(ids.flatMap((id) => {
    const row = query.get({ id });
    return row ? [[id, row] as const] : [];
  }));
}

function resultRowsByWalk({ expression, ids }: { expression: string; ids: number[] }): Map<number, ResultRow> {
  // The unary plus keeps the id list away from FTS5, which would otherwise run one lookup per id.
  const conditions = [
    gte(articleSearch.rowid, asRowid(Math.min(...ids))),
    lte(articleSearch.rowid, asRowid(Math.max(...ids))),
    sql`+${articleSearch.rowid} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  ];
  return new Map(resultQuery({ expression, conditions }).all().map((row) => [row.id, row] as const));
}

function resultQuery({ expression, conditions }: { expression: string; conditions: SQL[] }) {
  const marked = (column: number) => sql<string>`highlight(${articleSearch}, ${sql.raw(String(column))}, char(2), char(3))`;
  return getDb()
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
    .crossJoin(articleSearchFacts)
    .innerJoin(articles, and(eq(articles.id, articleSearchFacts.articleId), isPublicArticle()))
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .leftJoin(issues, eq(issues.id, articles.publishedIssueId))
    .where(matchCondition({ expression, conditions }));
}

type ResultRow = ReturnType<ReturnType<typeof resultQuery>['get']> & {};

function groupFacets({ counts, filters }: { counts: SearchFacetCounts; filters: SearchFilters }): Omit<SearchFacets, 'entities'> {
  const db = getDb();
  const { sections: sectionCounts, issues: issueCounts, years: yearCounts } = counts;
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
      .sort(([left], [right]) => right - left)
      .map(([year, total]) => ({ filters: { ...filters, year }, label: String(year), count: total, isSelected: filters.year === year })),
    issues: issueRows.map((issue) => ({
      filters: { ...filters, issue: issue.slug },
      label: issue.title,
      count: issueCounts.get(issue.id)!,
      isSelected: filters.issue === issue.slug,
    })),
  };
}

/**
 * The most frequent approved entities among the matches. Counted in memory for every tag of every match; only
 * the leading ones are looked up, widened until twelve approved ones are certain to be among them (an entity
 * waiting for approval is counted but not shown).
 */
function entityFacet({ counts: { counts, idOfCode }, filters }: { counts: SearchFacetCounts['entities']; filters: SearchFilters }): SearchFacetValue[] {
  let rows: { id: number; kind: EntityKind; slug: string; name: string }[] = [];
  let countOf = new Map<number, number>();
  for (let wanted = FACET_SIZE * 2; ; wanted *= 4) {
    // Ties at the edge come along: they are decided by name below.
    const codes = mostCounted(counts, wanted);
    countOf = new Map(codes.map((code) => [idOfCode[code]!, counts[code]!]));
    const candidates = [...countOf.keys()];
    rows = candidates.length
      ? getDb()
          .select({ id: entities.id, kind: entities.kind, slug: entities.slug, name: entities.name })
          .from(entities)
          .where(and(inArray(entities.id, candidates), isApprovedEntity()))
          .all()
      : [];
    if (rows.length >= FACET_SIZE || candidates.length < wanted) break;
  }
  return rows
    .map((row) => ({ ...row, count: countOf.get(row.id) ?? 0 }))
    .sort((left, right) => right.count - left.count || (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))
    .slice(0, FACET_SIZE)
    .map((row) => ({
      filters: { ...filters, entity: { kind: row.kind, slug: row.slug } },
      label: `${row.name} (${kindLabel(row.kind)})`,
      count: row.count,
      isSelected: filters.entity?.kind === row.kind && filters.entity.slug === row.slug,
    }));
}

function kindLabel(kind: EntityKind): string {
  return ENTITY_KIND_LABELS[kind].one.toLowerCase();
}
