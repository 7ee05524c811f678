import { diffArrays } from 'diff';

export type SequencePart<T> = { kind: 'same'; items: T[] } | { kind: 'change'; mine: T[]; theirs: T[] };

/**
 * Compares two sequences item by item (items are equal when their keys are) and returns the runs both
 * share and, between them, each change as what one side has against what the other has in its place.
 */
export function diffSequences<T>({ mine, theirs, keyOf }: { mine: T[]; theirs: T[]; keyOf: (item: T) => string }): SequencePart<T>[] {
  const changes = diffArrays(mine.map(keyOf), theirs.map(keyOf));
  const parts: SequencePart<T>[] = [];
  let mineIndex = 0;
  let theirsIndex = 0;
  for (const change of changes) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      parts.push({ kind: 'same', items: mine.slice(mineIndex, mineIndex + count) });
      mineIndex += count;
      theirsIndex += count;
      continue;
    }
    const last = parts.at(-1);
    const open = last?.kind === 'change' ? last : { kind: 'change' as const, mine: [] as T[], theirs: [] as T[] };
    if (open !== last) parts.push(open);
    if (change.removed) {
      open.mine.push(...mine.slice(mineIndex, mineIndex + count));
      mineIndex += count;
    } else {
      open.theirs.push(...theirs.slice(theirsIndex, theirsIndex + count));
      theirsIndex += count;
    }
  }
  return parts;
}
