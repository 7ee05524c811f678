import { describe, expect, it } from 'vitest';
import { getSqlite } from '@/db/client';
import { parseSearchQuery } from '@/lib/site/search/parse-search-query';
import { searchArticles, type SearchOutcome } from '@/lib/site/search/search-articles';
import { settleLastPrefix } from '@/lib/site/search/settle-last-prefix';
import { createTestArticle } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

/**
 * A reader's last word also matches as a prefix. When only one word of the index begins with it, search looks
 * for that word instead, which must change nothing a reader sees: the same articles, in the same order, with the
 * same words marked. The order is checked against FTS5 answering the prefix itself.
 */

withTempDatabase();

function searched(outcome: SearchOutcome) {
  if (outcome.status !== 'searched') throw new Error(`expected a search, got ${outcome.status}`);
  return outcome;
}

/** The page FTS5 gives for the prefix as typed, in search's order (BM25 with its weights, then newest, then id). */
function pageByPrefix(prefix: string): number[] {
  return getSqlite()
    .prepare(
      `select s.rowid from article_search s join article_search_facts f on f.article_id = s.rowid
       where article_search match ? order by bm25(article_search, 10.0, 4.0, 1.0, 2.0, 2.0), f.published_at desc, f.article_id desc limit 20`,
    )
    .pluck()
    .all(`"${prefix}"*`) as number[];
}

function corpus() {
  const texts = [
    ['Verification in the title', 'A body without the word.'],
    ['Plain title', 'Verification, verification and verification again.'],
    ['Another plain title', 'One mention of verification.'],
    ['Inspectors return', 'The inspection teams return with verification gear.'],
    ['Inspection report', 'Nothing else here.'],
  ] as const;
  texts.forEach(([title, text], index) => createTestArticle({ title, text, publishedAt: new Date(Date.UTC(2024, index, 1)) }));
}

describe('a last word only one indexed word begins', () => {
  it('is searched as that word, with the articles, order and marks the prefix gives', () => {
    corpus();
    const settled = settleLastPrefix(getSqlite(), parseSearchQuery('verif').terms);
    expect(settled).toEqual([{ words: ['verification'], isQuoted: false, isPrefix: false }]);

    const outcome = searched(searchArticles({ q: 'verif' }));
    expect(outcome.total).toBe(4);
    expect(outcome.results.map((result) => result.id)).toEqual(pageByPrefix('verif'));
    expect(outcome.results[0]!.titleHtml).toBe('<mark>Verification</mark> in the title');
    const repeated = outcome.results.find((result) => result.title === 'Plain title')!;
    expect(repeated.snippetHtml).toBe('<mark>Verification</mark>, <mark>verification</mark> and <mark>verification</mark> again.');
    // What the reader typed is what the page says was searched.
    expect(outcome.terms).toEqual([{ words: ['verif'], isQuoted: false, isPrefix: true }]);
  });

  it('stays a prefix when several words begin with it, when none does, when it is short, and when it has capitals or accents', () => {
    corpus();
    const settle = (q: string) => settleLastPrefix(getSqlite(), parseSearchQuery(q).terms).at(-1);
    expect(settle('inspect')).toEqual({ words: ['inspect'], isQuoted: false, isPrefix: true });
    expect(settle('zzqx')).toEqual({ words: ['zzqx'], isQuoted: false, isPrefix: true });
    // As short as the index's own prefixes: read from the prefix index, no lookup needed.
    expect(settle('ver')).toEqual({ words: ['ver'], isQuoted: false, isPrefix: true });
    expect(settle('Verif')).toEqual({ words: ['Verif'], isQuoted: false, isPrefix: true });
    expect(settle('vérif')).toEqual({ words: ['vérif'], isQuoted: false, isPrefix: true });
    // Earlier words and whole words are left as they are.
    expect(settleLastPrefix(getSqlite(), parseSearchQuery('inspect verif').terms)).toEqual([
      { words: ['inspect'], isQuoted: false, isPrefix: false },
      { words: ['verification'], isQuoted: false, isPrefix: false },
    ]);
    expect(settle('verif ')).toEqual({ words: ['verif'], isQuoted: false, isPrefix: false });

    const several = searched(searchArticles({ q: 'inspect' }));
    expect(several.results.map((result) => result.id)).toEqual(pageByPrefix('inspect'));
    expect(several.total).toBe(2);
    // Capitals and accents are still found, as a prefix.
    expect(searched(searchArticles({ q: 'Vérif' })).results.map((result) => result.id)).toEqual(pageByPrefix('verif'));
  });
});
