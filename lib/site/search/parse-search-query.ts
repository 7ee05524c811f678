import 'server-only';

/** More terms than this add little to a search and a lot to its cost; the rest of a long query is ignored. */
export const MAX_SEARCH_TERMS = 12;
/** Words in one quoted phrase. */
export const MAX_PHRASE_WORDS = 10;
/** Longer "words" are not words (pasted hashes, runs of one letter) and would match nothing. */
const MAX_WORD_LENGTH = 60;
/** Only so much of a query is read at all, so a pasted page costs no more than a sentence. */
const MAX_QUERY_READ = 1_000;
const MIN_PREFIX_LENGTH = 2;

/** One thing to find: a word, or the words a reader put in quotes (matched exactly, in order). */
export type SearchTerm = { words: string[]; isQuoted: boolean; isPrefix: boolean };

export type ParsedSearchQuery = {
  terms: SearchTerm[];
  /** An FTS5 MATCH expression built only from quoted strings; null when there is nothing to search for. */
  expression: string | null;
  /** Some of what was typed was left out (too many terms, or too long). */
  isTruncated: boolean;
};

/**
 * Turns whatever a reader typed into a safe FTS5 query: every word is a quoted string (so AND, OR, NOT,
 * NEAR, `*`, `^`, `:` and brackets are just words or separators), text in double quotes stays a phrase,
 * an unbalanced quote is ignored, and the last word also matches as a prefix, as in a search-as-you-type box.
 * Accents and case are left to the index's tokenizer, which folds both for queries as for text.
 */
export function parseSearchQuery(input: string): ParsedSearchQuery {
  const text = input.normalize('NFC');
  const read = text.slice(0, MAX_QUERY_READ);
  let isTruncated = read.length < text.length;
  const terms: SearchTerm[] = [];
  for (const segment of quoteSegments(read)) {
    const words = splitWords(segment.text);
    if (words.some((word) => word.length > MAX_WORD_LENGTH)) isTruncated = true;
    const usable = words.filter((word) => word.length <= MAX_WORD_LENGTH);
    if (segment.isQuoted) {
      if (usable.length > MAX_PHRASE_WORDS) isTruncated = true;
      if (usable.length > 0) terms.push({ words: usable.slice(0, MAX_PHRASE_WORDS), isQuoted: true, isPrefix: false });
      continue;
    }
    for (const word of usable) terms.push({ words: [word], isQuoted: false, isPrefix: false });
  }
  if (terms.length > MAX_SEARCH_TERMS) isTruncated = true;
  const kept = terms.slice(0, MAX_SEARCH_TERMS);
  const last = kept.at(-1);
  if (last && !last.isQuoted && !isTruncated && last.words[0]!.length >= MIN_PREFIX_LENGTH && !/\s$/.test(read)) {
    last.isPrefix = true;
  }
  return { terms: kept, expression: searchExpressionOf(kept), isTruncated };
}

/** Text split at double quotes; a quote without a partner counts as a separator, never as an error. */
function quoteSegments(text: string): { text: string; isQuoted: boolean }[] {
  const parts = text.split('"');
  const hasUnpairedQuote = parts.length % 2 === 0;
  return parts.map((part, index) => ({
    text: part,
    isQuoted: index % 2 === 1 && !(hasUnpairedQuote && index === parts.length - 1),
  }));
}

/** Words as the index's unicode61 tokenizer sees them: runs of letters, digits and marks. */
function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}\p{Co}]+/u).filter((word) => word !== '');
}

/** The FTS5 MATCH expression for some terms (all of them must be found); null for none. */
export function searchExpressionOf(terms: SearchTerm[]): string | null {
  return terms.length > 0 ? terms.map(toFtsString).join(' ') : null;
}

function toFtsString(term: SearchTerm): string {
  // The words hold no quotes, but doubling them is what FTS5 asks for, and it costs nothing to be sure.
  const quoted = `"${term.words.join(' ').replaceAll('"', '""')}"`;
  return term.isPrefix ? `${quoted}*` : quoted;
}
