import 'server-only';
import type Database from 'better-sqlite3';

/**
 * The facts of every public article (date, year, section, issue, published tags) in flat arrays, so a search
 * counts its facets and orders by date over tens of thousands of matches in a millisecond or two, where
 * grouping the matches in SQL took tens. Kept per connection and loaded again when `search_facts_version`
 * (moved by triggers on every write to the facts and the tags) is not the version it was loaded at.
 *
 * Arrays are indexed by an article's position (0 to count - 1), and positions run from the newest article to
 * the oldest (ties: higher id first), the order of "newest first". Sections, issues and entities are held as
 * small codes (1, 2, 3… in the order first met; 0 for none), so counters stay as small as the number of
 * values, whatever the ids (an import may keep another site's large ids).
 */
export type SearchFactsSnapshot = {
  version: number;
  count: number;
  /** Position + 1 of each article by id (0 or absent: no facts): an array while the ids are dense, else a map. */
  positionPlusOneById: Int32Array | Map<number, number>;
  articleId: Float64Array;
  sectionCode: Int32Array;
  issueCode: Int32Array;
  year: Int32Array;
  /** The tags of the article at position p are entityCode[tagStart[p]] up to entityCode[tagStart[p + 1]]. */
  tagStart: Int32Array;
  entityCode: Int32Array;
  /** The id each code stands for (index 0, "none", holds 0). */
  idOfCode: { section: number[]; issue: number[]; entity: number[] };
  years: { min: number; max: number };
};

/** Ids up to this many per article (and this many more) are looked up in an array; beyond, in a map. */
const MOST_ARRAY_IDS_PER_ARTICLE = 4;
const MOST_ARRAY_IDS_SPARE = 1_000_000;

/** How to find an article's position in the arrays (-1 when it has no facts), chosen once per search rather than per id. */
function positionFinder(snapshot: SearchFactsSnapshot): (id: number) => number {
  const index = snapshot.positionPlusOneById;
  return index instanceof Map ? (id) => (index.get(id) ?? 0) - 1 : (id) => (index[id] ?? 0) - 1;
}

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

/** Gives each id met a small code, in the order met; null is code 0. */
function coder() {
  const codes = new Map<number, number>();
  const ids = [0];
  return {
    ids,
    codeOf(id: number | null): number {
      if (id === null) return 0;
      let code = codes.get(id);
      if (code === undefined) {
        code = ids.length;
        codes.set(id, code);
        ids.push(id);
      }
      return code;
    },
  };
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
  const isDense = maxArticleId <= MOST_ARRAY_IDS_PER_ARTICLE * count + MOST_ARRAY_IDS_SPARE;
  const positions: Int32Array | Map<number, number> = isDense ? new Int32Array(maxArticleId + 1) : new Map();
  const [sections, issues, entities] = [coder(), coder(), coder()];
  const articleId = new Float64Array(count);
  const sectionCode = new Int32Array(count);
  const issueCode = new Int32Array(count);
  const year = new Int32Array(count);
  const tagStart = new Int32Array(count + 1);
  const tags: number[] = [];
  const years = { min: 0, max: -1 };
  rows.forEach(([id, , published, sectionId, issueId, tagList], position) => {
    if (positions instanceof Map) positions.set(id, position + 1);
    else positions[id] = position + 1;
    articleId[position] = id;
    sectionCode[position] = sections.codeOf(sectionId);
    issueCode[position] = issues.codeOf(issueId);
    year[position] = published;
    tagStart[position] = tags.length;
    if (tagList) for (const tag of tagList.split(',')) tags.push(entities.codeOf(Number(tag)));
    years.min = position === 0 ? published : Math.min(years.min, published);
    years.max = position === 0 ? published : Math.max(years.max, published);
  });
  tagStart[count] = tags.length;
  return {
    version,
    count,
    positionPlusOneById: positions,
    articleId,
    sectionCode,
    issueCode,
    year,
    tagStart,
    entityCode: Int32Array.from(tags),
    idOfCode: { section: sections.ids, issue: issues.ids, entity: entities.ids },
    years,
  };
}

export type SearchFacetCounts = {
  sections: Map<number, number>;
  issues: Map<number, number>;
  years: Map<number, number>;
  /** Matches per entity code, and the entity id of each code: thousands of entities, of which a facet shows a dozen (`mostCounted`). */
  entities: { counts: Int32Array; idOfCode: readonly number[] };
};

/** Matches per section, issue, year and tagged entity, for the given article ids (ids with no facts are not counted). */
export function countSearchFacets(snapshot: SearchFactsSnapshot, articleIds: readonly number[]): SearchFacetCounts {
  const { idOfCode, years: span } = snapshot;
  const sections = new Int32Array(idOfCode.section.length);
  const issues = new Int32Array(idOfCode.issue.length);
  const years = new Int32Array(Math.max(0, span.max - span.min + 1));
  const entities = new Int32Array(idOfCode.entity.length);
  const positionOf = positionFinder(snapshot);
  for (const id of articleIds) {
    const position = positionOf(id);
    if (position < 0) continue;
    sections[snapshot.sectionCode[position]!]! += 1;
    issues[snapshot.issueCode[position]!]! += 1;
    years[snapshot.year[position]! - span.min]! += 1;
    for (let tag = snapshot.tagStart[position]!; tag < snapshot.tagStart[position + 1]!; tag += 1) entities[snapshot.entityCode[tag]!]! += 1;
  }
  return {
    sections: countsById(sections, idOfCode.section),
    issues: countsById(issues, idOfCode.issue),
    years: countsById(years, years.map((_, offset) => span.min + offset), { firstCode: 0 }),
    entities: { counts: entities, idOfCode: idOfCode.entity },
  };
}

/** The counters above zero, by the id each code stands for. Code 0 of an id counter counts "none" and is left out; a year counter starts at 0. */
function countsById(counts: Int32Array, idOfCode: ArrayLike<number>, { firstCode = 1 }: { firstCode?: number } = {}): Map<number, number> {
  const found = new Map<number, number>();
  for (let code = firstCode; code < counts.length; code += 1) if (counts[code]! > 0) found.set(idOfCode[code]!, counts[code]!);
  return found;
}

/** One page of the given article ids, newest first (ties: higher id first): a walk down the date order that stops at the page's end. */
export function newestPageOf(snapshot: SearchFactsSnapshot, articleIds: readonly number[], { offset, limit }: { offset: number; limit: number }): number[] {
  const matched = new Uint8Array(snapshot.count);
  const positionOf = positionFinder(snapshot);
  for (const id of articleIds) {
    const position = positionOf(id);
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
 * The indexes of a counter (entity codes, for the entity facet) counted at least as often as the `wanted`-th
 * most counted one (all of them, on a tie at that edge),
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
