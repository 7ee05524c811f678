import { diffWords } from 'diff';

export type DiffSegment = { kind: 'same' | 'added' | 'removed'; text: string };
export type DiffBlock = DiffSegment[];

export type TextDiff = { blocks: DiffBlock[]; addedWords: number; removedWords: number };

/**
 * A word-level comparison of two plain texts whose paragraphs are separated by blank lines,
 * returned paragraph by paragraph so it can be shown as rendered text with insertions and deletions.
 */
export function diffText({ before, after }: { before: string; after: string }): TextDiff {
  const blocks: DiffBlock[] = [[]];
  let addedWords = 0;
  let removedWords = 0;
  for (const change of diffWords(before, after)) {
    const kind: DiffSegment['kind'] = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const words = change.value.match(/\S+/g)?.length ?? 0;
    if (kind === 'added') addedWords += words;
    if (kind === 'removed') removedWords += words;
    change.value.split(/\n{2,}/).forEach((piece, index) => {
      if (index > 0) blocks.push([]);
      if (piece !== '') blocks.at(-1)!.push({ kind, text: piece });
    });
  }
  return { blocks: blocks.filter((block) => block.length > 0), addedWords, removedWords };
}
