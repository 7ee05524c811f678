import { describe, expect, it } from 'vitest';
import { articleSchema } from '@/lib/content/article-schema';
import { findAnchor, isPassageAt } from '@/components/editor/notes/find-anchor';
import { passageText } from '@/components/editor/notes/passage-text';

const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const text = (value: string) => ({ type: 'text', text: value });
const mention = (label: string) => ({ type: 'entityMention', attrs: { entityId: 7, kind: 'country', label } });

function docOf(...blocks: object[]) {
  return articleSchema().nodeFromJSON({ type: 'doc', content: blocks });
}

/** The position of the first occurrence of some words, as the editor numbers positions. */
function rangeOfWords(doc: ReturnType<typeof docOf>, words: string) {
  const whole = passageText(doc);
  const index = whole.text.indexOf(words);
  return { from: whole.positions[index]!, to: whole.positions[index + words.length - 1]! + 1 };
}

describe('passageText', () => {
  it('reads text, mentions as their label and blocks apart by a line break', () => {
    const doc = docOf(paragraph(text('Talks with '), mention('Russia'), text(' stalled.')), paragraph(text('Then resumed.')));
    expect(passageText(doc).text).toBe('Talks with Russia stalled.\nThen resumed.');
    const range = rangeOfWords(doc, 'stalled.\nThen');
    expect(doc.textBetween(range.from, range.to, '\n')).toBe('stalled.\nThen');
    expect(passageText(doc, range).text).toBe('stalled.\nThen');
  });
});

describe('findAnchor', () => {
  const original = docOf(paragraph(text('The treaty entered into force in 1970. The treaty was extended in 1995.')));

  it('keeps the recorded position while the text there still matches', () => {
    const range = { from: 5, to: 11 };
    expect(original.textBetween(5, 11)).toBe('treaty');
    expect(findAnchor(original, { text: 'treaty', ...range })).toEqual(range);
  });

  it('finds the passage again by its text after edits moved it, choosing the occurrence nearest where it was', () => {
    const moved = docOf(paragraph(text('Signed in 1968. The treaty entered into force in 1970. The treaty was extended in 1995.')));
    const sentence = 'The treaty entered into force in 1970. The treaty was extended in 1995.';
    // The second "treaty": ProseMirror counts the paragraph's opening as position 0, so text starts at 1.
    const second = { from: sentence.lastIndexOf('treaty') + 1, to: sentence.lastIndexOf('treaty') + 7 };
    expect(original.textBetween(second.from, second.to)).toBe('treaty');
    const found = findAnchor(moved, { text: 'treaty', ...second });
    expect(found).toEqual({ from: second.from + 'Signed in 1968. '.length, to: second.to + 'Signed in 1968. '.length });
  });

  it('finds a passage across blocks and around a tagged mention', () => {
    const doc = docOf(paragraph(text('Talks with '), mention('Russia'), text(' stalled.')), paragraph(text('Then resumed.')));
    const found = findAnchor(doc, { text: 'with Russia stalled.\nThen', from: null, to: null })!;
    expect(passageText(doc, found).text).toBe('with Russia stalled.\nThen');
  });

  it('answers null when the passage was edited away', () => {
    const edited = docOf(paragraph(text('The agreement took effect in 1970.')));
    expect(findAnchor(edited, { text: 'entered into force', from: 12, to: 30 })).toBeNull();
    expect(findAnchor(edited, { text: '', from: 1, to: 2 })).toBeNull();
  });

  it('does not trust a recorded position outside the document', () => {
    expect(isPassageAt(original, { from: 5, to: 9999, text: 'treaty' })).toBe(false);
    expect(isPassageAt(original, { from: 11, to: 5, text: '' })).toBe(false);
  });
});
