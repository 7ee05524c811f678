import { foldDiacritics } from '@/lib/content/text/fold-diacritics';

export type AliasEntry = {
  entityId: number;
  alias: string;
  /** Match only where the text has the alias's own capitals ("SORT", not "sort of"). */
  isCaseSensitive?: boolean;
};

/**
 * One mention in the text. `start`/`end` index the original text, so `text.slice(start, end)` is
 * the mention as written (a possessive included: "Russia’s"). An alias shared by several entities
 * ("Georgia") gives one mention naming all of them, in ascending order, for the editor to choose.
 */
export type AliasMatch = { entityIds: number[]; start: number; end: number; text: string };

export type AliasMatcher = {
  /** Non-overlapping mentions in text order; at each word the longest alias wins. */
  match: (text: string) => AliasMatch[];
};

/**
 * Compiles names and aliases into a word trie once, so that matching costs one map lookup per word
 * of the text. Matching ignores case and accents, treats hyphens as spaces ("Kosiniak Kamysz"),
 * also accepts a hyphenated alias written solid ("Nonproliferation Treaty"), and stays within whole
 * words: "Iran" does not match "Iranian" or "Tirana"; demonyms match only when listed as aliases.
 */
export function compileAliasMatcher(entries: AliasEntry[]): AliasMatcher {
  const root: TrieNode = { children: new Map(), terminal: null };
  for (const entry of entries) {
    for (const variant of aliasVariants(entry.alias)) addToTrie({ root, entry, variant });
  }
  return { match: (text) => matchText({ root, text }) };
}

type Terminal = {
  entityIds: number[];
  caseSensitive: { entityId: number; caseKeys: string[] }[];
  /** An alias like "U.N." ends with a period the match should include when the text has it. */
  isPeriodFinal: boolean;
};

type TrieNode = { children: Map<string, TrieNode> | null; terminal: Terminal | null };

type Variant = { keys: string[]; caseKeys: string[]; isPeriodFinal: boolean };

type Tokens = { starts: number[]; ends: number[]; keys: string[] };

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const SOFT_SEPARATORS = /[\s\-‐‑–—\u00ad]+/g;
const HYPHENS_ONLY = /^[-‐‑\u00ad]+$/;
const APOSTROPHES = /[’‘ʼ′]/g;
// Each hyphen may be written solid or not; beyond this many, only "all solid" is added.
const MAX_HYPHEN_SUBSETS = 3;

function matchText({ root, text }: { root: TrieNode; text: string }): AliasMatch[] {
  const tokens = tokenize(text);
  const count = tokens.keys.length;
  const matches: AliasMatch[] = [];
  let index = 0;
  while (index < count) {
    const found = longestMatchAt({ root, text, tokens, index });
    if (!found) {
      index += 1;
      continue;
    }
    const start = tokens.starts[index]!;
    let end = tokens.ends[found.lastIndex]!;
    if (found.isPeriodFinal && text[end] === '.') end += 1;
    end = extendOverPossessive({ text, end });
    matches.push({ entityIds: [...found.entityIds], start, end, text: text.slice(start, end) });
    index = found.lastIndex + 1;
    while (index < count && tokens.starts[index]! < end) index += 1;
  }
  return matches;
}

function longestMatchAt({
  root,
  text,
  tokens,
  index,
}: {
  root: TrieNode;
  text: string;
  tokens: Tokens;
  index: number;
}): { entityIds: number[]; lastIndex: number; isPeriodFinal: boolean } | null {
  let node = root.children!.get(tokens.keys[index]!);
  let best: { entityIds: number[]; lastIndex: number; isPeriodFinal: boolean } | null = null;
  let position = index;
  while (node) {
    if (node.terminal) {
      const entityIds = acceptedEntityIds({ terminal: node.terminal, text, tokens, first: index, last: position });
      if (entityIds.length > 0) best = { entityIds, lastIndex: position, isPeriodFinal: node.terminal.isPeriodFinal };
    }
    const next = position + 1;
    if (!node.children || next >= tokens.keys.length) break;
    const gap = gapKey(text.slice(tokens.ends[position], tokens.starts[next]));
    if (gap === null) break;
    node = node.children.get(gap + tokens.keys[next]!);
    position = next;
  }
  return best;
}

function acceptedEntityIds({
  terminal,
  text,
  tokens,
  first,
  last,
}: {
  terminal: Terminal;
  text: string;
  tokens: Tokens;
  first: number;
  last: number;
}): number[] {
  if (terminal.caseSensitive.length === 0) return terminal.entityIds;
  const written: string[] = [];
  for (let position = first; position <= last; position += 1) {
    written.push(foldDiacritics(text.slice(tokens.starts[position], tokens.ends[position])));
  }
  const exact = terminal.caseSensitive
    .filter((required) => required.caseKeys.length === written.length && required.caseKeys.every((key, at) => key === written[at]))
    .map((required) => required.entityId);
  if (exact.length === 0) return terminal.entityIds;
  return [...new Set([...terminal.entityIds, ...exact])].sort((left, right) => left - right);
}

// A hand-rolled scan: a regex with Unicode classes allocates a match per word, several times slower.
function tokenize(text: string): Tokens {
  const tokens: Tokens = { starts: [], ends: [], keys: [] };
  const length = text.length;
  let position = 0;
  while (position < length) {
    let width = charWidth({ text, position });
    if (width === 0) {
      position += text.codePointAt(position)! > 0xffff ? 2 : 1;
      continue;
    }
    const start = position;
    let isAscii = true;
    while (width > 0) {
      if (width === 2 || text.charCodeAt(position) > 0x7f) isAscii = false;
      position += width;
      width = position < length ? charWidth({ text, position }) : 0;
    }
    const word = text.slice(start, position);
    tokens.starts.push(start);
    tokens.ends.push(position);
    tokens.keys.push(isAscii ? word.toLowerCase() : foldDiacritics(word).toLowerCase());
  }
  return tokens;
}

/** UTF-16 units of the word character at `position`, or 0 when it is not one. */
function charWidth({ text, position }: { text: string; position: number }): number {
  const code = text.charCodeAt(position);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
  const codePoint = text.codePointAt(position)!;
  let isWord = wordCodePoints.get(codePoint);
  if (isWord === undefined) {
    isWord = WORD_CHAR.test(String.fromCodePoint(codePoint));
    wordCodePoints.set(codePoint, isWord);
  }
  if (!isWord) return 0;
  return codePoint > 0xffff ? 2 : 1;
}

const wordCodePoints = new Map<number, boolean>();

function tokenKey(word: string): string {
  return ASCII_WORD.test(word) ? word.toLowerCase() : foldDiacritics(word).toLowerCase();
}

/** How two words may be separated inside one mention: '' for spaces and hyphens, null across lines. */
function gapKey(gap: string): string | null {
  if (gap === ' ') return '';
  if (gap.includes('\n')) return null;
  return gap.replace(SOFT_SEPARATORS, '').replace(APOSTROPHES, "'");
}

function extendOverPossessive({ text, end }: { text: string; end: number }): number {
  const mark = text[end];
  if (mark !== "'" && mark !== '’') return end;
  const after = text[end + 1];
  if ((after === 's' || after === 'S') && !isWordCharAt({ text, position: end + 2 })) return end + 2;
  const last = text[end - 1];
  const isPluralPossessive = (last === 's' || last === 'S') && (after === undefined || /\s/.test(after));
  return isPluralPossessive ? end + 1 : end;
}

function isWordCharAt({ text, position }: { text: string; position: number }): boolean {
  return position < text.length && charWidth({ text, position }) > 0;
}

function aliasVariants(alias: string): Variant[] {
  const words: { key: string; caseKey: string; gapBefore: string }[] = [];
  let previousEnd = 0;
  WORD.lastIndex = 0;
  for (let found = WORD.exec(alias); found; found = WORD.exec(alias)) {
    const gapBefore = alias.slice(previousEnd, found.index);
    words.push({ key: tokenKey(found[0]), caseKey: foldDiacritics(found[0]), gapBefore });
    previousEnd = found.index + found[0].length;
  }
  if (words.length === 0) return [];
  const isPeriodFinal = alias.slice(previousEnd).trim() === '.';
  const joinable = words.flatMap((word, position) => (position > 0 && HYPHENS_ONLY.test(word.gapBefore) ? [position] : []));
  const subsets = hyphenSubsets(joinable);
  return subsets.map((solid) => {
    const variant: Variant = { keys: [], caseKeys: [], isPeriodFinal };
    words.forEach((word, position) => {
      const lastIndex = variant.keys.length - 1;
      if (solid.has(position)) {
        variant.keys[lastIndex] += word.key;
        variant.caseKeys[lastIndex] += word.caseKey;
        return;
      }
      const gap = position === 0 ? '' : (gapKey(word.gapBefore) ?? '');
      variant.keys.push(gap + word.key);
      variant.caseKeys.push(word.caseKey);
    });
    return variant;
  });
}

function hyphenSubsets(positions: number[]): Set<number>[] {
  if (positions.length === 0) return [new Set()];
  if (positions.length > MAX_HYPHEN_SUBSETS) return [new Set(), new Set(positions)];
  const subsets: Set<number>[] = [];
  for (let mask = 0; mask < 1 << positions.length; mask += 1) {
    subsets.push(new Set(positions.filter((_, bit) => (mask & (1 << bit)) !== 0)));
  }
  return subsets;
}

function addToTrie({ root, entry, variant }: { root: TrieNode; entry: AliasEntry; variant: Variant }): void {
  let node = root;
  for (const key of variant.keys) {
    node.children ??= new Map();
    let child = node.children.get(key);
    if (!child) {
      child = { children: null, terminal: null };
      node.children.set(key, child);
    }
    node = child;
  }
  node.terminal ??= { entityIds: [], caseSensitive: [], isPeriodFinal: false };
  const terminal = node.terminal;
  if (variant.isPeriodFinal) terminal.isPeriodFinal = true;
  if (entry.isCaseSensitive) {
    terminal.caseSensitive.push({ entityId: entry.entityId, caseKeys: variant.caseKeys });
    return;
  }
  if (terminal.entityIds.includes(entry.entityId)) return;
  terminal.entityIds = [...terminal.entityIds, entry.entityId].sort((left, right) => left - right);
}
