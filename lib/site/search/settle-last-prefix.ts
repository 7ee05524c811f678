import 'server-only';
import type Database from 'better-sqlite3';
import { LONGEST_INDEXED_PREFIX } from './article-search-table';
import type { SearchTerm } from './parse-search-query';

/** Only words already in the index's own form (lower-case ASCII letters and digits) are looked up; others stay prefixes. */
const FOLDED_WORD = /^[a-z0-9]+$/;

const lookups = new WeakMap<Database.Database, Database.Statement>();

/**
 * The terms to search with, where the last word, taken as a prefix, is begun by exactly one word of the index:
 * then that word replaces it. The matches, their BM25 order, the marked words and the snippets are the same
 * (one phrase, the same instances in the same rows), but FTS5 reads one word's list where a prefix makes it
 * merge lists again on every pass, and the page's snippets can be read by seeking each row. Most searches end
 * in a whole word, so this is the common case. Words with capitals or accents are left as typed: the index folds
 * them, and a lookup of another form could name the wrong word.
 */
export function settleLastPrefix(sqlite: Database.Database, terms: SearchTerm[]): SearchTerm[] {
  const last = terms.at(-1);
  // A prefix as short as the index's own prefix lengths is read from its prefix index, as fast as a word: no lookup.
  if (!last?.isPrefix || last.words[0]!.length <= LONGEST_INDEXED_PREFIX || !FOLDED_WORD.test(last.words[0]!)) return terms;
  const prefix = last.words[0]!;
  const words = lookup(sqlite).all(prefix, `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`) as string[];
  if (words.length !== 1) return terms;
  return [...terms.slice(0, -1), { words: [words[0]!], isQuoted: false, isPrefix: false }];
}

function lookup(sqlite: Database.Database): Database.Statement {
  let statement = lookups.get(sqlite);
  if (!statement) {
    // Two are enough to know whether the prefix has one word or more; the range stops at the next prefix.
    statement = sqlite.prepare('select term from article_search_vocab where term >= ? and term < ? limit 2').pluck();
    lookups.set(sqlite, statement);
  }
  return statement;
}
