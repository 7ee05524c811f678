import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { publicPartOf } from '@/lib/content/public-part';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const marker: JSONContent = { type: 'membersStart' };
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

describe('the members’ marker', () => {
  it('is accepted between top-level blocks and renders as nothing for readers', () => {
    const result = validateArticleDoc(doc(paragraph('Open.'), marker, paragraph('Closed.')));
    expect(result.ok).toBe(true);
    const html = renderArticleHtml(doc(paragraph('Open.'), marker, paragraph('Closed.')));
    expect(html).toBe('<p>Open.</p><p>Closed.</p>');
  });

  it('is refused twice, with a sentence saying to keep one', () => {
    const result = validateArticleDoc(doc(paragraph('A.'), marker, paragraph('B.'), marker));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/more than one .*marker/);
  });

  it('is refused inside a quotation', () => {
    const result = validateArticleDoc(doc({ type: 'blockquote', content: [paragraph('Quoted.'), marker] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/between paragraphs/);
  });

  it('refuses attributes on the marker like on any node', () => {
    expect(validateArticleDoc(doc({ type: 'membersStart', attrs: { secret: 'x' } })).ok).toBe(false);
  });
});

describe('publicPartOf', () => {
  it('keeps what comes before the marker', () => {
    expect(publicPartOf(doc(paragraph('1'), { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'H' }] }, marker, paragraph('2'), paragraph('3'))).content).toHaveLength(2);
  });

  it('keeps the first two paragraphs (and what stands between them) without a marker', () => {
    const part = publicPartOf(doc(paragraph('1'), { type: 'horizontalRule' }, paragraph('2'), paragraph('3')));
    expect(part.content?.map((block) => block.type)).toEqual(['paragraph', 'horizontalRule', 'paragraph']);
  });
});
