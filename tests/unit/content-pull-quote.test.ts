import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const pullQuote = (attribution: unknown, ...content: JSONContent[]): JSONContent => ({ type: 'pullQuote', attrs: { attribution }, content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

describe('pull quote', () => {
  it('is accepted with an attribution, formatting and a footnote inside', () => {
    const result = validateArticleDoc(
      doc(pullQuote('Rafael Grossi', text('We are '), text('not', [{ type: 'italic' }]), text(' there yet.'), { type: 'footnote', attrs: { note: 'Press conference, Vienna.' } })),
    );
    expect(result.ok).toBe(true);
  });

  it('is accepted without an attribution', () => {
    expect(validateArticleDoc(doc({ type: 'pullQuote', content: [text('Quoted')] })).ok).toBe(true);
  });

  it('refuses an attribution that is not text', () => {
    const result = validateArticleDoc(doc(pullQuote(42, text('Quoted'))));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ path: 'doc.content[0]', message: "A pull quote's attribution must be text." });
  });

  it('refuses paragraphs inside, since a pull quote holds one run of text', () => {
    const result = validateArticleDoc(doc({ type: 'pullQuote', content: [{ type: 'paragraph', content: [text('Quoted')] }] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('structure is not allowed');
  });

  it('renders as an aside with the attribution in a footer', () => {
    expect(renderArticleHtml(doc(pullQuote('Rafael Grossi', text('Not there yet.'))))).toBe(
      '<aside class="pull-quote"><p>Not there yet.</p><footer>— Rafael Grossi</footer></aside>',
    );
  });

  it('renders without a footer when the attribution is empty', () => {
    expect(renderArticleHtml(doc(pullQuote('', text('Not there yet.'))))).toBe('<aside class="pull-quote"><p>Not there yet.</p></aside>');
  });

  it('escapes the attribution', () => {
    const html = renderArticleHtml(doc(pullQuote('<img src=x onerror=alert(1)> & co', text('Quoted'))));
    expect(html).toContain('<footer>— &lt;img src=x onerror=alert(1)&gt; &amp; co</footer>');
  });

  it('counts its words as text but not its attribution', () => {
    const derived = deriveArticleText(doc(pullQuote('Rafael Grossi', text('Not there yet.'))));
    expect(derived.text).toBe('Not there yet.');
    expect(derived.wordCount).toBe(3);
  });
});
