import { describe, expect, it } from 'vitest';
import { countWords, deriveArticleText, makeExcerpt } from '@/lib/content/derive-article-text';

describe('deriveArticleText', () => {
  it('turns blocks into paragraphs of plain text and counts words', () => {
    const derived = deriveArticleText({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'New START' }] },
        { type: 'paragraph', content: [{ type: 'text', text: "Russia's suspension, in " }, { type: 'text', text: '2023', marks: [{ type: 'bold' }] }, { type: 'text', text: ', ended inspections.' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One item' }] }] }] },
      ],
    });
    expect(derived.text).toBe("New START\n\nRussia's suspension, in 2023, ended inspections.\n\nOne item");
    expect(derived.wordCount).toBe(10);
    expect(derived.readingMinutes).toBe(1);
  });
});

describe('countWords', () => {
  it('counts hyphenated words and numbers once each', () => {
    expect(countWords('Anti-personnel mines: 164 states-parties, 1.5 million')).toBe(6);
    expect(countWords('')).toBe(0);
  });
});

describe('makeExcerpt', () => {
  it('keeps a short first paragraph whole', () => {
    expect(makeExcerpt('Short lead.\n\nSecond paragraph.', 100)).toBe('Short lead.');
  });

  it('cuts a long one at a word boundary with an ellipsis', () => {
    const excerpt = makeExcerpt('The quick brown fox jumps over the lazy dog again and again', 30);
    expect(excerpt.length).toBeLessThanOrEqual(31);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/\s…$/);
  });
});
