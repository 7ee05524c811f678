import { describe, expect, it } from 'vitest';
import { diffText } from '@/lib/articles/diff-text';

describe('diffText', () => {
  it('marks a replaced word as removed then added', () => {
    expect(diffText({ before: 'Russia suspended the treaty.', after: 'Russia left the treaty.' }).blocks).toEqual([
      [
        { kind: 'same', text: 'Russia ' },
        { kind: 'removed', text: 'suspended' },
        { kind: 'added', text: 'left' },
        { kind: 'same', text: ' the treaty.' },
      ],
    ]);
  });

  it('keeps paragraphs apart, including a paragraph added whole', () => {
    const diff = diffText({ before: 'First.\n\nSecond.', after: 'First.\n\nSecond.\n\nThird paragraph here.' });
    expect(diff.blocks.at(-1)).toEqual([{ kind: 'added', text: 'Third paragraph here.' }]);
    expect(diff.blocks[0]).toEqual([{ kind: 'same', text: 'First.' }]);
    expect(diff).toMatchObject({ addedWords: 3, removedWords: 0 });
  });

  it('finds nothing to mark in identical texts', () => {
    const diff = diffText({ before: 'Same words.', after: 'Same words.' });
    expect(diff.blocks).toEqual([[{ kind: 'same', text: 'Same words.' }]]);
    expect(diff).toMatchObject({ addedWords: 0, removedWords: 0 });
  });
});
