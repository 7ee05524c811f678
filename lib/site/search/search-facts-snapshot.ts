import 'server-only';
import type Database from 'better-sqlite3';

/**
 * The facts of every public article (date, year, section, issue, published tags) in flat arrays, so a search
 * counts its facets and orders by date over tens of thousands of matches in a millisecond or two, where
 * grouping the matches in SQL took tens. Kept per connection and loaded again when `search_facts_version`
 * (moved by triggers on every write to the facts and the tags) is not the version it was loaded at: by reading
 * again only the articles changed since, when the triggers' list of them (`search_facts_changes`) still reaches back.
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
  /** Milliseconds since 1970, to merge changed articles into the date order. */
  publishedAt: Float64Array;
  sectionCode: Int32Array;
  issueCode: Int32Array;
  year: Int32Array;
  /** The tags of the article at position p are entityCode[tagStart[p]] up to entityCode[tagStart[p + 1]]. */
  tagStart: Int32Array;
  entityCode: Int32Array;
  /** The id each code stands for (index 0, "none", holds 0). */
  idOfCode: { section: number[]; issue: number[]; entity: number[] };
  years: { min: number; max: number };
  /** How many articles' facts were read from the database to make this snapshot: all of them, or those changed since the last. */
  articlesRead: number;
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
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * When the facts moved by at most this many versions since a process kept them, it reads again only the articles
 * those moves were about (`search_facts_changes`) and merges them in. The worker keeps that list this long
 * (`prune-search-facts-changes.ts`); a process further behind loads the facts whole.
 */
export const MOST_VERSIONS_MERGED = 2_000;

/** The current facts for this connection: the kept ones while the stored version has not moved. Call inside the search's read transaction. */
export function searchFactsSnapshot(sqlite: Database.Database): SearchFactsSnapshot {
  const version = Number(statement(sqlite, 'select version from search_facts_version where id = 1').pluck().get() ?? 0);
  const kept = loaded.get(sqlite);
  if (kept && kept.version === version) return kept;
  const snapshot = (kept && mergedSnapshot(sqlite, kept, version)) ?? loadSnapshot(sqlite, version);
  loaded.set(sqlite, snapshot);
  return snapshot;
}

function statement(sqlite: Database.Database, source: string): Database.Statement {
  let kept = statements.get(sqlite);
  if (!kept) statements.set(sqlite, (kept = new Map()));
  let prepared = kept.get(source);
  if (!prepared) kept.set(source, (prepared = sqlite.prepare(source)));
  return prepared;
}

/** Gives each id met a small code, in the order met; null is code 0. Starts from the codes already given, if any. */
function coder(given: readonly number[] = [0]) {
  const ids = [...given];
  const codes = new Map<number, number>(ids.map((id, code) => [id, code]));
  codes.delete(0);
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

const FACT_COLUMNS = `f.article_id, f.published_at, f.published_year, f.published_section_id, f.published_issue_id,
  (select group_concat(t.entity_id) from published_article_entities t where t.article_id = f.article_id)`;
/** Newest first; ties, higher id first: the order of positions. */
const FACT_ORDER = 'order by f.published_at desc, f.article_id desc';

function loadSnapshot(sqlite: Database.Database, version: number): SearchFactsSnapshot {
  const rows = statement(sqlite, `select ${FACT_COLUMNS} from article_search_facts f ${FACT_ORDER}`).raw().all() as FactRow[];
  const builder = snapshotBuilder({ count: rows.length });
  for (const row of rows) builder.addRow(row);
  return builder.finish({ version, articlesRead: rows.length });
}

/**
 * The kept facts with the articles changed since their version read again, or null when some of those changes
 * are no longer listed (pruned, or the version moved too far) and the facts must be loaded whole. One walk down
 * both date orders, copying the kept articles' codes, instead of reading and sorting every public article again.
 */
function mergedSnapshot(sqlite: Database.Database, kept: SearchFactsSnapshot, version: number): SearchFactsSnapshot | null {
  if (version <= kept.version || version - kept.version > MOST_VERSIONS_MERGED) return null;
  const changes = statement(sqlite, 'select version, article_id from search_facts_changes where version > ? and version <= ?')
    .raw()
    .all(kept.version, version) as [number, number][];
  // Every version in between must have left its article: a gap means the list was pruned past the kept version.
  if (new Set(changes.map(([changed]) => changed)).size !== version - kept.version) return null;
  const changedIds = [...new Set(changes.map(([, articleId]) => articleId))];
  const rows = statement(sqlite, `select ${FACT_COLUMNS} from article_search_facts f where f.article_id in (select value from json_each(?)) ${FACT_ORDER}`)
    .raw()
    .all(JSON.stringify(changedIds)) as FactRow[];
  const positionOf = positionFinder(kept);
  const isChanged = new Uint8Array(kept.count);
  let unchanged = kept.count;
  for (const id of changedIds) {
    const position = positionOf(id);
    if (position >= 0 && !isChanged[position]) {
      isChanged[position] = 1;
      unchanged -= 1;
    }
  }
  const builder = snapshotBuilder({ count: unchanged + rows.length, codesFrom: kept.idOfCode });
  let next = 0;
  for (let position = 0; position < kept.count; position += 1) {
    if (isChanged[position]) continue;
    const publishedAt = kept.publishedAt[position]!;
    const articleId = kept.articleId[position]!;
    for (; next < rows.length && comesFirst(rows[next]!, publishedAt, articleId); next += 1) builder.addRow(rows[next]!);
    builder.addKept(kept, position);
  }
  for (; next < rows.length; next += 1) builder.addRow(rows[next]!);
  return builder.finish({ version, articlesRead: changedIds.length });
}

function comesFirst([articleId, publishedAt]: FactRow, otherPublishedAt: number, otherArticleId: number): boolean {
  return publishedAt > otherPublishedAt || (publishedAt === otherPublishedAt && articleId > otherArticleId);
}

/** Fills the snapshot's arrays one article at a time, in the order of positions. */
function snapshotBuilder({ count, codesFrom }: { count: number; codesFrom?: SearchFactsSnapshot['idOfCode'] }) {
  const [sections, issues, entities] = [coder(codesFrom?.section), coder(codesFrom?.issue), coder(codesFrom?.entity)];
  const articleId = new Float64Array(count);
  const publishedAt = new Float64Array(count);
  const sectionCode = new Int32Array(count);
  const issueCode = new Int32Array(count);
  const year = new Int32Array(count);
  const tagStart = new Int32Array(count + 1);
  const tags: number[] = [];
  const years = { min: 0, max: -1 };
  let position = 0;
  const add = (id: number, published: number, publishedYear: number) => {
    articleId[position] = id;
    publishedAt[position] = published;
    year[position] = publishedYear;
    tagStart[position] = tags.length;
    years.min = position === 0 ? publishedYear : Math.min(years.min, publishedYear);
    years.max = position === 0 ? publishedYear : Math.max(years.max, publishedYear);
  };
  return {
    addRow([id, published, publishedYear, sectionId, issueId, tagList]: FactRow) {
      add(id, published, publishedYear);
      sectionCode[position] = sections.codeOf(sectionId);
      issueCode[position] = issues.codeOf(issueId);
      if (tagList) for (const tag of tagList.split(',')) tags.push(entities.codeOf(Number(tag)));
      position += 1;
    },
    /** An article of a snapshot whose codes this one started from. */
    addKept(kept: SearchFactsSnapshot, at: number) {
      add(kept.articleId[at]!, kept.publishedAt[at]!, kept.year[at]!);
      sectionCode[position] = kept.sectionCode[at]!;
      issueCode[position] = kept.issueCode[at]!;
      for (let tag = kept.tagStart[at]!; tag < kept.tagStart[at + 1]!; tag += 1) tags.push(kept.entityCode[tag]!);
      position += 1;
    },
    finish({ version, articlesRead }: { version: number; articlesRead: number }): SearchFactsSnapshot {
      tagStart[count] = tags.length;
      return {
        version,
        count,
        positionPlusOneById: positionIndex(articleId),
        articleId,
        publishedAt,
        sectionCode,
        issueCode,
        year,
        tagStart,
        entityCode: Int32Array.from(tags),
        idOfCode: { section: sections.ids, issue: issues.ids, entity: entities.ids },
        years,
        articlesRead,
      };
    },
  };
}

function positionIndex(articleId: Float64Array): Int32Array | Map<number, number> {
  const maxArticleId = articleId.reduce((max, id) => Math.max(max, id), 0);
  const isDense = maxArticleId <= MOST_ARRAY_IDS_PER_ARTICLE * articleId.length + MOST_ARRAY_IDS_SPARE;
  if (!isDense) return new Map(Array.from(articleId, (id, position) => [id, position + 1]));
  const positions = new Int32Array(maxArticleId + 1);
  articleId.forEach((id, position) => {
    positions[id] = position + 1;
  });
  return positions;
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
