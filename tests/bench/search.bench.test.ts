import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getSqlite } from '@/db/client';
import { rebuildSearchIndex } from '@/lib/site/search/rebuild-search-index';
import { searchArticles } from '@/lib/site/search/search-articles';
import { searchFactsSnapshot } from '@/lib/site/search/search-facts-snapshot';
import type { SearchFilters, SearchSort } from '@/lib/site/search/search-request';
import { seededRandom } from '../factories/seeded-random';
import { withTempDatabase } from '../factories/temp-database';
import { benchLine, summarize, writeResults, type Summary } from './support/bench-stats';

/**
 * Search latency on a generated corpus of 50,000 published articles (titles, deks, bodies of a few
 * hundred words drawn from a Zipf-like vocabulary, bylines, tags with aliases), written straight into
 * a temporary SQLite file and indexed with rebuildSearchIndex(). Each timed call is the whole of
 * searchArticles(): parsing, total and facets, one page of ids, snippets and bylines.
 */

const ARTICLES = Number(process.env.SEARCH_BENCH_ARTICLES) || 50_000;
const SECTIONS = ['News', 'Features', 'Analysis', 'Interviews', 'Book Reviews', 'Letters'];
const ISSUES = 120;
const CONTRIBUTORS = 400;
const ENTITIES = 3_000;
const SYNTHETIC_WORDS = 6_000;
const BODY_WORDS = { min: 120, max: 480 };
const RUNS_PER_QUERY = 15;
const WARMUP_PER_QUERY = 2;
// A guard against regressions on a shared two-core machine, not the goal: see tests/bench/results/search.json for the figures.
const P95_LIMIT_MS = 300;
/** What a reader should wait at most, for 95 searches in 100, facets included. */
const P95_GOAL_MS = 20;

/** The commonest words of English come first, as in real text; the magazine's own words follow them. */
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'was', 'for', 'on', 'it', 'with', 'as', 'by', 'at', 'from', 'this', 'have', 'not'];
const DOMAIN_WORDS = [
  'nuclear', 'treaty', 'arms', 'control', 'missile', 'weapons', 'verification', 'inspection', 'sanctions', 'enrichment',
  'uranium', 'plutonium', 'deterrence', 'disarmament', 'nonproliferation', 'warheads', 'strategic', 'ballistic', 'hypersonic',
  'chemical', 'biological', 'testing', 'moratorium', 'ratification', 'stockpile', 'reactor', 'safeguards', 'agency', 'summit',
  'negotiations', 'delegation', 'compliance', 'violation', 'launcher', 'cruise', 'submarine', 'bomber', 'doctrine', 'escalation',
];

withTempDatabase();

/** The kinds of query the goal is stated for; each query of the mix belongs to one. */
type QueryShape = 'one word' | 'two or more words' | 'phrase' | 'prefix' | 'with facets' | 'edge cases';
type QueryCase = { label: string; shape: QueryShape; q: string; sort?: SearchSort; page?: number; filters?: SearchFilters };

describe(`searching ${ARTICLES.toLocaleString('en')} published articles`, () => {
  it(`answers a realistic mix of queries with p95 under ${P95_LIMIT_MS} ms`, () => {
    const random = seededRandom(20250402);
    const buildStarted = performance.now();
    const corpus = storeCorpus(random);
    const storeMs = performance.now() - buildStarted;
    const indexStarted = performance.now();
    expect(rebuildSearchIndex()).toBe(ARTICLES);
    const indexMs = performance.now() - indexStarted;
    // A copy of the seeded database, for profiling statements against the same corpus without seeding again.
    if (process.env.SEARCH_BENCH_KEEP_DB) getSqlite().prepare('vacuum into ?').run(process.env.SEARCH_BENCH_KEEP_DB);

    const queries: QueryCase[] = [
      { label: 'common word', shape: 'one word', q: 'nuclear' },
      { label: 'the commonest word', shape: 'one word', q: 'the' },
      { label: 'common word, newest first', shape: 'one word', q: 'treaty', sort: 'newest' },
      { label: 'two words', shape: 'two or more words', q: 'missile verification' },
      { label: 'three words', shape: 'two or more words', q: 'strategic arms control' },
      { label: 'phrase', shape: 'phrase', q: '"arms control"' },
      { label: 'prefix while typing', shape: 'prefix', q: 'hyperso' },
      { label: 'two-letter prefix', shape: 'prefix', q: 'nu' },
      { label: 'rare word', shape: 'one word', q: corpus.rareWord },
      { label: 'entity alias', shape: 'one word', q: corpus.entityAlias },
      { label: 'author name', shape: 'two or more words', q: corpus.authorName },
      { label: 'accented', shape: 'two or more words', q: 'désarmament sanctións' },
      { label: 'common word, narrowed by section', shape: 'with facets', q: 'sanctions', filters: { section: 'analysis' } },
      { label: 'common word, narrowed by year', shape: 'with facets', q: 'uranium', filters: { year: 2021 } },
      { label: 'common word, narrowed by entity', shape: 'with facets', q: 'inspection', filters: { entity: corpus.popularEntity } },
      { label: 'common word, page 5', shape: 'one word', q: 'weapons', page: 5 },
      { label: 'stray operators', shape: 'edge cases', q: 'NOT (arms OR "control' },
      { label: 'nothing matches', shape: 'edge cases', q: 'zzyzxq' },
      { label: '5,000-character paste', shape: 'edge cases', q: `${DOMAIN_WORDS.join(' ')} `.repeat(40).slice(0, 5_000) },
    ];

    const all: number[] = [];
    const perQuery: Record<string, Summary & { total: number; shape: QueryShape }> = {};
    const perShapeSamples = new Map<QueryShape, number[]>();
    for (const query of queries) {
      for (let run = 0; run < WARMUP_PER_QUERY; run += 1) searchArticles(query);
      const samples: number[] = [];
      let total = 0;
      for (let run = 0; run < RUNS_PER_QUERY; run += 1) {
        const started = performance.now();
        const outcome = searchArticles(query);
        samples.push(performance.now() - started);
        total = outcome.status === 'searched' ? outcome.total : 0;
      }
      all.push(...samples);
      perShapeSamples.set(query.shape, [...(perShapeSamples.get(query.shape) ?? []), ...samples]);
      perQuery[query.label] = { ...summarize(samples), total, shape: query.shape };
      console.log(`${benchLine(query.label, summarize(samples))} total=${total}`);
    }
    const overall = summarize(all);
    const perShape = Object.fromEntries([...perShapeSamples].map(([shape, samples]) => [shape, summarize(samples)]));
    for (const [shape, summary] of Object.entries(perShape)) console.log(`${benchLine(`shape ${shape}`, summary)} ${againstGoal(summary)}`);
    console.log(`${benchLine(`search mix over ${ARTICLES} articles`, overall)} ${againstGoal(overall)}`);
    console.log(`BENCH corpus: stored in ${Math.round(storeMs)} ms, indexed in ${Math.round(indexMs)} ms`);

    const file = writeResults('search', {
      method: `searchArticles() in-process on a temporary SQLite file; ${queries.length} queries, each ${WARMUP_PER_QUERY} warm-up runs then ${RUNS_PER_QUERY} timed; every call computes the total, four facets, one page of 20 ids, snippets and bylines.`,
      p95GoalMs: P95_GOAL_MS,
      p95LimitMs: P95_LIMIT_MS,
      corpus: {
        articles: ARTICLES,
        bodyWords: BODY_WORDS,
        vocabulary: FUNCTION_WORDS.length + SYNTHETIC_WORDS + DOMAIN_WORDS.length,
        sections: SECTIONS.length,
        issues: ISSUES,
        contributors: CONTRIBUTORS,
        entities: ENTITIES,
        storeMs: Math.round(storeMs),
        rebuildIndexMs: Math.round(indexMs),
      },
      overall: { ...overall, meetsGoal: overall.p95 <= P95_GOAL_MS },
      perShape: Object.fromEntries(Object.entries(perShape).map(([shape, summary]) => [shape, { ...summary, meetsGoal: summary.p95 <= P95_GOAL_MS }])),
      perQuery,
    });
    console.log(`BENCH results written to ${file}`);
    expect(perQuery['common word']!.total).toBeGreaterThan(ARTICLES / 4);
    expect(overall.p95).toBeLessThan(P95_LIMIT_MS);

    // After a publication, each process reads the facts again: only the changed article's, merged into those it kept.
    const sqlite = getSqlite();
    const latest = sqlite.prepare('select max(published_at) from articles').pluck().get() as number;
    const changedIds = sqlite.prepare('select id from articles order by id limit ?').pluck().all(RUNS_PER_QUERY) as number[];
    const merges: number[] = [];
    const loads: number[] = [];
    for (const [index, id] of changedIds.entries()) {
      // Republished as the newest article, as a correction brought to the top would be.
      sqlite.prepare('update articles set published_at = ? where id = ?').run(latest + 1_000 * (index + 1), id);
      let started = performance.now();
      const merged = searchFactsSnapshot(sqlite);
      merges.push(performance.now() - started);
      expect(merged.articlesRead).toBe(1);
      expect(merged.articleId[0]).toBe(id);
      const other = new Database(sqlite.name, { readonly: true });
      started = performance.now();
      const whole = searchFactsSnapshot(other);
      loads.push(performance.now() - started);
      other.close();
      expect(whole.articlesRead).toBe(ARTICLES);
      expect(Array.from(merged.articleId.subarray(0, 50))).toEqual(Array.from(whole.articleId.subarray(0, 50)));
    }
    const merge = summarize(merges);
    const load = summarize(loads);
    console.log(`${benchLine('search facts after one publication, the changed article merged in', merge)}`);
    console.log(`${benchLine(`search facts after one publication, all ${ARTICLES} loaded again`, load)}`);
    writeResults('search-facts-after-publication', {
      method: `searchFactsSnapshot() after one article is republished as the newest, ${RUNS_PER_QUERY} times: merged into the kept facts, against a second connection loading all of them.`,
      articles: ARTICLES,
      merged: merge,
      loadedWhole: load,
    });
    expect(merge.p50).toBeLessThan(load.p50);
  });
});

function againstGoal(summary: Summary): string {
  return `(goal p95 ≤ ${P95_GOAL_MS} ms: ${summary.p95 <= P95_GOAL_MS ? 'met' : `missed by ${(summary.p95 - P95_GOAL_MS).toFixed(1)} ms`})`;
}

type Corpus = { rareWord: string; entityAlias: string; authorName: string; popularEntity: { kind: 'country'; slug: string } };

function storeCorpus(random: () => number): Corpus {
  const sqlite = getSqlite();
  const vocabulary = [...FUNCTION_WORDS, ...DOMAIN_WORDS, ...Array.from({ length: SYNTHETIC_WORDS }, (_, index) => syntheticWord(random, index))];
  // Zipf-like: the word at rank r is drawn with weight 1/(r+1).
  const cumulative: number[] = [];
  vocabulary.reduce((sum, _, rank) => {
    cumulative.push(sum + 1 / (rank + 1));
    return cumulative.at(-1)!;
  }, 0);
  const pickWord = () => vocabulary[lowerBound(cumulative, random() * cumulative.at(-1)!)]!;
  const sentence = (length: number) => Array.from({ length }, pickWord).join(' ');

  sqlite.transaction(() => {
    const insertSection = sqlite.prepare('insert into sections (name, slug, position) values (?, ?, ?)');
    SECTIONS.forEach((name, position) => insertSection.run(name, name.toLowerCase().replace(/\s+/g, '-'), position));
    const insertIssue = sqlite.prepare("insert into issues (slug, title, volume, number, cover_date, status, published_at) values (?, ?, ?, ?, ?, 'published', ?)");
    for (let index = 0; index < ISSUES; index += 1) {
      const month = new Date(Date.UTC(2015, index, 1));
      const slug = month.toISOString().slice(0, 7);
      insertIssue.run(slug, month.toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }), Math.floor(index / 12) + 1, (index % 12) + 1, `${slug}-01`, month.getTime());
    }
    const insertContributor = sqlite.prepare('insert into contributors (name, slug) values (?, ?)');
    for (let index = 0; index < CONTRIBUTORS; index += 1) insertContributor.run(`${capitalize(syntheticWord(random, index))} ${capitalize(syntheticWord(random, index + 7))}`, `contributor-${index}`);
    const insertEntity = sqlite.prepare("insert into entities (kind, name, slug) values ('country', ?, ?)");
    const insertAlias = sqlite.prepare('insert into entity_aliases (entity_id, alias, normalized) values (?, ?, ?)');
    for (let index = 0; index < ENTITIES; index += 1) {
      const name = `${capitalize(syntheticWord(random, index + 11))}land`;
      const id = Number(insertEntity.run(name, `entity-${index}`).lastInsertRowid);
      const alias = `${name.slice(0, 3).toUpperCase()}${index}`;
      insertAlias.run(id, alias, alias.toLowerCase());
    }

    const insertArticle = sqlite.prepare(
      "insert into articles (slug, title, dek, body, body_text, status, section_id, issue_id, published_section_id, published_issue_id, published_at, first_published_at, modified_at) values (?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertRevision = sqlite.prepare("insert into revisions (article_id, version, slug, title, dek, body, body_text, word_count, reason) values (?, 1, ?, ?, ?, '{\"type\":\"doc\"}', ?, ?, 'publish')");
    const setPublished = sqlite.prepare('update articles set published_revision_id = ? where id = ?');
    const insertByline = sqlite.prepare('insert into published_article_authors (article_id, contributor_id, position) values (?, ?, ?)');
    const insertTag = sqlite.prepare('insert or ignore into published_article_entities (article_id, entity_id) values (?, ?)');
    const start = Date.UTC(2015, 0, 1);
    const span = Date.UTC(2025, 0, 1) - start;
    for (let index = 0; index < ARTICLES; index += 1) {
      const title = capitalize(sentence(4 + Math.floor(random() * 6)));
      const dek = capitalize(sentence(10 + Math.floor(random() * 12)));
      const words = BODY_WORDS.min + Math.floor(random() * (BODY_WORDS.max - BODY_WORDS.min));
      const body = sentence(words);
      const sectionId = 1 + Math.floor(random() * SECTIONS.length);
      const issueId = random() < 0.6 ? 1 + Math.floor(random() * ISSUES) : null;
      const publishedAt = start + Math.floor(random() * span);
      const slug = `article-${index}`;
      // The working copy carries its document and text, as a saved article does: rows as wide as a real site's.
      const doc = JSON.stringify(paragraphsDoc(body));
      const articleId = Number(insertArticle.run(slug, title, dek, doc, body, sectionId, issueId, sectionId, issueId, publishedAt, publishedAt, publishedAt).lastInsertRowid);
      const revisionId = Number(insertRevision.run(articleId, slug, title, dek, body, words).lastInsertRowid);
      setPublished.run(revisionId, articleId);
      insertByline.run(articleId, 1 + Math.floor(random() * CONTRIBUTORS), 0);
      // A few entities are in many articles, most in a few, as on a real site.
      for (let tag = 0; tag < 1 + Math.floor(random() * 4); tag += 1) insertTag.run(articleId, 1 + Math.floor(ENTITIES * random() ** 3));
    }
  })();

  const rare = sqlite.prepare('select title from revisions where id = ?').get(Math.floor(ARTICLES / 2)) as { title: string };
  const author = sqlite.prepare('select name from contributors where id = 3').get() as { name: string };
  const alias = sqlite.prepare('select alias from entity_aliases where entity_id = 42').get() as { alias: string };
  const popular = sqlite.prepare('select slug from entities where id = 1').get() as { slug: string };
  return {
    rareWord: rare.title.split(' ').sort((left, right) => right.length - left.length)[0]!,
    entityAlias: alias.alias,
    authorName: author.name,
    popularEntity: { kind: 'country', slug: popular.slug },
  };
}

function paragraphsDoc(text: string) {
  const words = text.split(' ');
  const paragraphs = Array.from({ length: Math.ceil(words.length / 60) }, (_, index) => words.slice(index * 60, index * 60 + 60).join(' '));
  return { type: 'doc', content: paragraphs.map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] })) };
}

function syntheticWord(random: () => number, index: number): string {
  const syllables = ['ka', 'ro', 'ven', 'tis', 'mar', 'lo', 'dun', 'esk', 'pra', 'vol', 'gen', 'shi', 'tor', 'ba', 'nel', 'qui'];
  const length = 2 + (index % 3);
  return Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)]).join('') + String.fromCharCode(97 + (index % 26));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
