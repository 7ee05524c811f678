import type { JSONContent } from '@tiptap/core';
import { toInlineTokens, type InlineToken } from '@/lib/content/inline-tokens';
import { stableJsonKey } from '@/lib/content/stable-json-key';
import { diffSequences, type SequencePart } from '@/lib/content/text/diff-sequences';
import { splitWords } from '@/lib/content/text/split-words';

/** The words of an article that a save conflict compares. */
export type ArticleVersion = { title: string; dek: string; body: JSONContent };

/** Words both versions share, or one change: what mine has against what theirs has in its place. */
export type WordPart<T> = { kind: 'same'; items: T[] } | { kind: 'change'; id: string; mine: T[]; theirs: T[] };

/**
 * One stretch of the body: blocks both versions share; a paragraph or heading present in both and
 * compared word by word; or whole blocks (lists, tables, figures, added or removed paragraphs) chosen as a unit.
 */
export type BodyPart =
  | { kind: 'same'; blocks: JSONContent[] }
  | { kind: 'words'; block: { type: string; attrs?: Record<string, unknown> }; parts: WordPart<InlineToken>[] }
  | { kind: 'blocks'; id: string; mine: JSONContent[]; theirs: JSONContent[] };

export type ArticleVersionDiff = {
  title: WordPart<string>[];
  dek: WordPart<string>[];
  body: BodyPart[];
  /** Every change, in reading order: each needs a choice of mine or theirs. */
  changeIds: string[];
};

const WORD_DIFFED_BLOCKS = new Set(['paragraph', 'heading']);

/**
 * Compares two versions of an article word by word. The body is compared block by block first, so
 * that whatever is chosen for each change can be put back together as a valid document.
 */
export function diffArticleVersions({ mine, theirs }: { mine: ArticleVersion; theirs: ArticleVersion }): ArticleVersionDiff {
  const changeIds: string[] = [];
  const nextId = () => {
    const id = `change-${changeIds.length + 1}`;
    changeIds.push(id);
    return id;
  };
  const words = <T>(parts: SequencePart<T>[]): WordPart<T>[] =>
    parts.map((part) => (part.kind === 'same' ? part : { kind: 'change', id: nextId(), mine: part.mine, theirs: part.theirs }));

  const title = words(diffSequences({ mine: splitWords(mine.title), theirs: splitWords(theirs.title), keyOf: (word) => word }));
  const dek = words(diffSequences({ mine: splitWords(mine.dek), theirs: splitWords(theirs.dek), keyOf: (word) => word }));
  const body: BodyPart[] = [];
  for (const part of diffSequences({ mine: mine.body.content ?? [], theirs: theirs.body.content ?? [], keyOf: stableJsonKey })) {
    if (part.kind === 'same') {
      body.push({ kind: 'same', blocks: part.items });
      continue;
    }
    body.push(...pairChangedBlocks({ mine: part.mine, theirs: part.theirs, words, nextId }));
  }
  return { title, dek, body, changeIds };
}

/** Blocks at the same place on both sides, of the same kind, are compared word by word; the rest as whole blocks. */
function pairChangedBlocks({
  mine,
  theirs,
  words,
  nextId,
}: {
  mine: JSONContent[];
  theirs: JSONContent[];
  words: (parts: SequencePart<InlineToken>[]) => WordPart<InlineToken>[];
  nextId: () => string;
}): BodyPart[] {
  const parts: BodyPart[] = [];
  let pending = { mine: [] as JSONContent[], theirs: [] as JSONContent[] };
  const flush = () => {
    if (pending.mine.length + pending.theirs.length > 0) parts.push({ kind: 'blocks', id: nextId(), ...pending });
    pending = { mine: [], theirs: [] };
  };
  for (let index = 0; index < Math.max(mine.length, theirs.length); index += 1) {
    const ours = mine[index];
    const other = theirs[index];
    if (ours && other && canCompareWords(ours, other)) {
      flush();
      const tokens = diffSequences({ mine: toInlineTokens(ours.content), theirs: toInlineTokens(other.content), keyOf: (token) => token.key });
      parts.push({ kind: 'words', block: ours.attrs ? { type: ours.type!, attrs: ours.attrs } : { type: ours.type! }, parts: words(tokens) });
      continue;
    }
    if (ours) pending.mine.push(ours);
    if (other) pending.theirs.push(other);
  }
  flush();
  return parts;
}

function canCompareWords(mine: JSONContent, theirs: JSONContent): boolean {
  return mine.type === theirs.type && WORD_DIFFED_BLOCKS.has(mine.type ?? '') && stableJsonKey(mine.attrs ?? {}) === stableJsonKey(theirs.attrs ?? {});
}
