import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSqlite } from '@/db/client';
import { searchArticles } from '@/lib/site/search/search-articles';
import type { SearchFilters, SearchSort } from '@/lib/site/search/search-request';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { withTempDatabase } from '../factories/temp-database';

/**
 * The query plans a search runs, read with EXPLAIN QUERY PLAN on the very statements and values of a real
 * search, so a change that makes SQLite scan a table, or run the full-text match once per facet, fails here
 * before it shows in the benchmark.
 */

withTempDatabase();

type Run = { source: string; args: unknown[] };
type StatementMethods = Record<'all' | 'get' | 'run', (this: Database.Statement, ...args: unknown[]) => unknown>;

let runs: Run[] = [];
let restore: () => void = () => {};

beforeEach(() => {
  runs = [];
  const prototype = Object.getPrototypeOf(getSqlite().prepare('select 1')) as StatementMethods;
  const originals = { all: prototype.all, get: prototype.get, run: prototype.run };
  for (const method of ['all', 'get', 'run'] as const) {
    prototype[method] = function (this: Database.Statement, ...args: unknown[]) {
      runs.push({ source: this.source, args });
      return originals[method].apply(this, args);
    };
  }
  restore = () => Object.assign(prototype, originals);
});

afterEach(() => restore());

function statementsOf(query: { q: string; sort?: SearchSort; filters?: SearchFilters }): { source: string; plan: string[] }[] {
  runs = [];
  const outcome = searchArticles(query);
  expect(outcome.status).toBe('searched');
  const ran = runs;
  runs = [];
  const sqlite = getSqlite();
  const unique = new Map(ran.map((run) => [run.source, run]));
  return [...unique.values()].map(({ source, args }) => ({
    source,
    plan: (sqlite.prepare(`explain query plan ${source}`).all(...args) as { detail: string }[]).map((row) => row.detail),
  }));
}

function corpus() {
  const news = createTestSection('News');
  const newsSlug = getSqlite().prepare('select slug from sections where id = ?').pluck().get(news) as string;
  const issue = createTestIssue();
  const iran = createTestEntity({ kind: 'country', name: 'Iran' });
  for (let index = 0; index < 30; index += 1) {
    createTestArticle({
      title: `Sanctions and inspections ${index}`,
      text: `The treaty on sanctions, article ${index}, and its verification.`,
      sectionId: index % 2 ? news : null,
      issueId: index % 3 ? issue.id : null,
      entityIds: index % 4 ? [iran.id] : [],
    });
  }
  return { iran, newsSlug, issueSlug: issue.slug };
}

const touchesIndex = (source: string) => source.includes('"article_search"');

describe('search query plans', () => {
  it('walks the full-text match once for the total and the facets, once more only to order a page by relevance, and never per facet', () => {
    const { iran, newsSlug, issueSlug } = corpus();
    const shapes: { q: string; sort?: SearchSort; filters?: SearchFilters }[] = [
      { q: 'sanctions' },
      { q: 'sanctions treaty' },
      { q: 'sanctions treaty', sort: 'newest' },
      { q: '"treaty on sanctions"' },
      { q: 'sa' },
      { q: 'sanctio' },
      { q: 'sanctions', filters: { year: 2025 } },
      { q: 'sanctions', filters: { section: newsSlug } },
      { q: 'sanctions', filters: { issue: issueSlug } },
      { q: 'sanctions', filters: { entity: { kind: 'country', slug: iran.slug } } },
    ];
    // The kept facts load on the first search; the searches measured below read them from memory.
    statementsOf({ q: 'sanctions' });
    for (const shape of shapes) {
      const statements = statementsOf(shape);
      const overAllMatches = statements.filter((statement) => touchesIndex(statement.source) && !statement.source.includes('highlight('));
      const ordered = overAllMatches.filter((statement) => statement.source.includes('bm25('));
      expect(ordered, shape.q).toHaveLength(shape.sort === 'newest' ? 0 : 1);
      expect(overAllMatches, shape.q).toHaveLength(shape.sort === 'newest' ? 1 : 2);
      for (const walk of overAllMatches) {
        // The index comes first, then one lookup per match in the narrow facts table: never the match once per article.
        expect(walk.plan[0], shape.q).toMatch(/^SCAN article_search VIRTUAL TABLE INDEX 0:M/);
        expect(walk.plan.some((line) => /^SEARCH article_search_facts USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(line)), shape.q).toBe(true);
        // The wide articles rows (document and text of the working copy) are never read per match.
        expect(walk.plan.filter((line) => /\barticles\b/.test(line)), shape.q).toEqual([]);
      }
      // Relevance keeps only the best rows up to the page's end while it walks: no second pass over a sorted copy.
      for (const walk of ordered) expect(walk.source, shape.q).toMatch(/limit \?/);
      for (const statement of statements) {
        for (const line of statement.plan) {
          // Only the index is read whole; every other table is reached by key.
          if (line.startsWith('SCAN ')) expect(line, statement.source).toMatch(/^SCAN (article_search VIRTUAL TABLE|article_search_vocab VIRTUAL TABLE|json_each)/);
          // The index's words are read from the prefix on (0x200) up to the next prefix (0x400), never all of them.
          const vocabulary = /^SCAN article_search_vocab VIRTUAL TABLE INDEX (\d+):/.exec(line);
          if (vocabulary) expect(Number(vocabulary[1]) & 0x600, statement.source).toBe(0x600);
          expect(line, statement.source).not.toMatch(/^SCAN (articles|article_search_facts|revisions|published_article_entities|entities)\b/);
        }
      }
    }
  });

  it('loads the facts it counts facets from once, and after a change reads again only the changed article’s, by its id', () => {
    corpus();
    const factReads = (query: { q: string }) =>
      statementsOf(query).filter((statement) => statement.plan.some((line) => line.startsWith('SCAN f') || line.startsWith('SEARCH f ')));
    const scansAllFacts = (reads: { plan: string[] }[]) => reads.some((statement) => statement.plan.some((line) => line.startsWith('SCAN f')));
    expect(scansAllFacts(factReads({ q: 'sanctions' }))).toBe(true);
    expect(factReads({ q: 'sanctions' })).toEqual([]);
    expect(factReads({ q: 'treaty' })).toEqual([]);
    createTestArticle({ title: 'Sanctions relief', text: 'The sanctions were lifted.' });
    const afterChange = factReads({ q: 'sanctions' });
    expect(afterChange).toHaveLength(1);
    expect(afterChange[0]!.plan).toContain('SEARCH f USING INTEGER PRIMARY KEY (rowid=?)');
    expect(scansAllFacts(afterChange)).toBe(false);
    expect(factReads({ q: 'sanctions' })).toEqual([]);
  });

  it('reads one page of snippets by seeking each id for a word, and by one walk for a prefix longer than the prefix index', () => {
    corpus();
    const snippetStatements = (q: string) => statementsOf({ q }).filter((statement) => statement.source.includes('highlight('));

    const seeks = snippetStatements('sanctions ');
    expect(seeks).toHaveLength(1);
    expect(seeks[0]!.plan[0]).toMatch(/^SCAN article_search VIRTUAL TABLE INDEX 0:=M\d/);

    // A prefix only one word of the index begins is searched as that word, so its snippets are sought too.
    const settled = statementsOf({ q: 'sanctio' });
    expect(settled.find((statement) => statement.source.includes('highlight('))!.plan[0]).toMatch(/^SCAN article_search VIRTUAL TABLE INDEX 0:=M\d/);

    createTestArticle({ title: 'Sanctioned banks', text: 'Two banks were sanctioned.' });
    const walk = snippetStatements('sanctio');
    expect(walk).toHaveLength(1);
    expect(walk[0]!.plan[0]).toMatch(/^SCAN article_search VIRTUAL TABLE INDEX 0:M\d+></);
  });
});
