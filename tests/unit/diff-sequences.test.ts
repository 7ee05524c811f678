import { describe, expect, it } from 'vitest';
import { diffSequences } from '@/lib/content/text/diff-sequences';
import { splitWords } from '@/lib/content/text/split-words';

describe('diffSequences', () => {
  it('pairs what one side removed with what the other put in its place, as one change', () => {
    const parts = diffSequences({ mine: splitWords('Russia suspended the treaty.'), theirs: splitWords('Russia left the treaty.'), keyOf: (word) => word });
    expect(parts).toEqual([
      { kind: 'same', items: ['Russia', ' '] },
      { kind: 'change', mine: ['suspended'], theirs: ['left'] },
      { kind: 'same', items: [' ', 'the', ' ', 'treaty.'] },
    ]);
  });

  it('shows words only one side has against nothing on the other', () => {
    const parts = diffSequences({ mine: splitWords('Five states.'), theirs: splitWords('Five more states.'), keyOf: (word) => word });
    expect(parts.filter((part) => part.kind === 'change')).toEqual([{ kind: 'change', mine: [], theirs: expect.arrayContaining(['more']) }]);
    expect(parts.flatMap((part) => (part.kind === 'same' ? part.items : part.theirs)).join('')).toBe('Five more states.');
  });
});

describe('splitWords', () => {
  it('keeps the white space, so the pieces join back into the text', () => {
    expect(splitWords('  two  words\n')).toEqual(['  ', 'two', '  ', 'words', '\n']);
  });
});
