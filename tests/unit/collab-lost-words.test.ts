import { describe, expect, it } from 'vitest';
import { wordsMissingFrom } from '@/components/editor/collab/lost-words';

describe('the words a refused change would lose', () => {
  it('names each word the new text lacks, in order, counting repeats', () => {
    expect(wordsMissingFrom('The treaty was signed in Vienna by seven states.', 'The treaty was signed by seven states.')).toEqual(['in', 'Vienna']);
    expect(wordsMissingFrom('very very late', 'very late')).toEqual(['very']);
  });

  it('names nothing when every word is still there, wherever it moved', () => {
    expect(wordsMissingFrom('one two three', 'three, no: one two three')).toEqual([]);
    expect(wordsMissingFrom('', 'anything')).toEqual([]);
  });
});
