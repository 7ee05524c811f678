import 'server-only';
import type Database from 'better-sqlite3';

/**
 * The facts of every public article (date, year, section, issue, published tags) in flat arrays, so a search
 * counts its facets and orders by date over tens of thousands of matches in a millisecond or two, where
 * grouping the matches in SQL took tens. Kept per connection and loaded again when `search_facts_version`
 * (moved by triggers on every write to the facts and the tags) is not the version it was loaded at.
 *
 * Arrays are indexed by an article's position (0 to count - 1), and positions run from the newest article to
 * the oldest (ties: higher id first), the order of "newest first". 0 stands for "none" in the id arrays, as
 * SQLite never gives a row id 0.
 */
export type SearchFactsSnapshot = {
  version: number;
  count: number;
  /** Position + 1 of each article, indexed by article id; 0 for an id with no facts. */
  positionPlusOneById: Int32Array;
  articleId: Int32Array;
  sectionId: Int32Array;
  issueId: Int32Array;
  year: Int32Array;
  /** The tags of the article at position p are entityId[tagStart[p]] up to entityId[tagStart[p + 1]]. */
  tagStart: Int32Array;
  entityId: Int32Array;
  /** One more than the largest id in each array, the size of a counter indexed by that id. */
  bounds: { section: number; issue: number; entity: number; minYear: number; maxYear: number };
};

type FactRow = [articleId: number, publishedAt: number, year: number, sectionId: number | null, issueId: number | null, tags: string | null];

const loaded = new WeakMap<Database.Database, SearchFactsSnapshot>();
const versionStatements = new WeakMap<Database.Database, Database.Statement>();

/** The current facts for this connection: the kept ones while the stored version has not moved. Call inside the search's read transaction. */
export function searchFactsSnapshot(sqlite: Database.Database): SearchFactsSnapshot {
  const version = currentVersion(sqlite);
  const kept = loaded.get(sqlite);
  if (kept && kept.version === version) return kept;
  const snapshot = loadSnapshot(sqlite, version);
  loaded.set(sqlite, snapshot);
  return snapshot;
}

function currentVersion(sqlite: Database.Database): number {
  let statement = versionStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare('select version from search_facts_version where id = 1').pluck();
    versionStatements.set(sqlite, statement);
  }
  return Number(statement.get() ?? 0);
}

function loadSnapshot(sqlite: Database.Database, version: number): SearchFactsSnapshot {
  const rows = sqlite
    .prepare(
      `select f.article_id, f.published_at, f.published_year, f.published_section_id, f.published_issue_id,
        (select group_concat(t.entity_id) from published_article_entities t where t.article_id = f.article_id)
      from article_search_facts f
      order by f.published_at desc, f.article_id desc`,
    )
    .raw()
    .all() as FactRow[];
  const count = rows.length;
  const maxArticleId = rows.reduce((max, row) => Math.max(max, row[0]), 0);
  const snapshot: SearchFactsSnapshot = {
    version,
    count,
    positionPlusOneById: new Int32Array(maxArticleId + 1),
    articleId: new Int32Array(count),
    sectionId: new Int32Array(count),
    issueId: new Int32Array(count),
    year: new Int32Array(count),
    tagStart: new Int32Array(count + 1),
    entityId: new Int32Array(0),
    bounds: { section: 1, issue: 1, entity: 1, minYear: 0, maxYear: -1 },
  };
  const tags: number[] = [];
  const bounds = snapshot.bounds;
  rows.forEach(([articleId, , year, sectionId, issueId, tagList], position) => {
    snapshot.positionPlusOneById[articleId] = position + 1;
    snapshot.articleId[position] = articleId;
    snapshot.sectionId[position] = sectionId ?? 0;
    snapshot.issueId[position] = issueId ?? 0;
    snapshot.year[position] = year;
    snapshot.tagStart[position] = tags.length;
    if (tagList) for (const tag of tagList.split(',')) tags.push(Number(tag));
    bounds.section = Math.max(bounds.section, (sectionId ?? 0) + 1);
    bounds.issue = Math.max(bounds.issue, (issueId ?? 0) + 1);
    bounds.minYear = position === 0 ? year : Math.min(bounds.minYear, year);
    bounds.maxYear = position === 0 ? year : Math.max(bounds.maxYear, year);
  });
  snapshot.tagStart[count] = tags.length;
  snapshot.entityId = Int32Array.from(tags);
  bounds.entity = tags.reduce((max, id) => Math.max(max, id + 1), 1);
  return snapshot;
}

export type SearchFacetCounts = {
  sections: Map<number, number>;
  issues: Map<number, number>;
  years: Map<number, number>;
  /** Matches per entity, indexed by entity id: thousands of entities, of which a facet shows a dozen (`mostCounted`). */
  entities: Int32Array;
};

/** Matches per section, issue, year and tagged entity, for the given article ids (ids with no facts are not counted). */
export function countSearchFacets(snapshot: SearchFactsSnapshot, articleIds: readonly number[]): SearchFacetCounts {
  const { bounds } = snapshot;
  const sections = new Int32Array(bounds.section);
  const issues = new Int32Array(bounds.issue);
  const years = new Int32Array(Math.max(0, bounds.maxYear - bounds.minYear + 1));
  const entities = new Int32Array(bounds.entity);
  for (const id of articleIds) {
    const position = (snapshot.positionPlusOneById[id] ?? 0) - 1;
    if (position < 0) continue;
    sections[snapshot.sectionId[position]!]! += 1;
    issues[snapshot.issueId[position]!]! += 1;
    years[snapshot.year[position]! - bounds.minYear]! += 1;
    for (let tag = snapshot.tagStart[position]!; tag < snapshot.tagStart[position + 1]!; tag += 1) entities[snapshot.entityId[tag]!]! += 1;
  }
  return {
    sections: countsByKey(sections),
    issues: countsByKey(issues),
    years: new Map([...countsByKey(years, { firstKey: 0 })].map(([offset, total]) => [offset + bounds.minYear, total])),
    entities,
  };
}

/** The counters above zero. Key 0 of an id counter counts "none" and is left out; a year counter starts at key 0. */
function countsByKey(counts: Int32Array, { firstKey = 1 }: { firstKey?: number } = {}): Map<number, number> {
  const found = new Map<number, number>();
  for (let key = firstKey; key < counts.length; key += 1) if (counts[key]! > 0) found.set(key, counts[key]!);
  return found;
}

/** One page of the given article ids, newest first (ties: higher id first): a walk down the date order that stops at the page's end. */
export function newestPageOf(snapshot: SearchFactsSnapshot, articleIds: readonly number[], { offset, limit }: { offset: number; limit: number }): number[] {
  const matched = new Uint8Array(snapshot.count);
  for (const id of articleIds) {
    const position = (snapshot.positionPlusOneById[id] ?? 0) - 1;
    if (position >= 0) matched[position] = 1;
  }
  const page: number[] = [];
  let skipped = 0;
  for (let position = 0; position < snapshot.count; position += 1) {
    if (!matched[position]) continue;
    if (skipped < offset) skipped += 1;
    else if (page.push(snapshot.articleId[position]!) === limit) break;
  }
  return page;
}

/**
 * The ids counted at least as often as the `wanted`-th most counted one (all of them, on a tie at that edge),
 * most counted first. One pass that keeps the leading counts in a short sorted list, instead of sorting thousands.
 */
export function mostCounted(counts: Int32Array, wanted: number): number[] {
  const leading: number[] = [];
  for (let id = 1; id < counts.length; id += 1) {
    const total = counts[id]!;
    if (total === 0 || (leading.length === wanted && total <= leading[wanted - 1]!)) continue;
    let at = leading.length;
    while (at > 0 && leading[at - 1]! < total) at -= 1;
    leading.splice(at, 0, total);
    if (leading.length > wanted) leading.pop();
  }
  const edge = leading.at(-1) ?? 1;
  const ids: number[] = [];
  for (let id = 1; id < counts.length; id += 1) if (counts[id]! >= edge) ids.push(id);
  return ids.sort((left, right) => counts[right]! - counts[left]!);
}
