import { describe, expect, it } from 'vitest';
import { renderArticleHtml } from '@/lib/content/render-article-html';

describe('renderArticleHtml', () => {
  it('renders headings, emphasis, lists and links as HTML', () => {
    const html = renderArticleHtml({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Status' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'See ' },
            { type: 'text', text: 'the report', marks: [{ type: 'link', attrs: { href: '/articles/report' } }] },
            { type: 'text', text: ' now', marks: [{ type: 'italic' }] },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item' }] }] }] },
      ],
    });
    expect(html).toContain('<h2>Status</h2>');
    expect(html).toMatch(/<a [^>]*href="\/articles\/report"[^>]*>the report<\/a>/);
    expect(html).toContain('<em> now</em>');
    expect(html).toContain('<ul><li><p>Item</p></li></ul>');
  });

  it('escapes text and attribute values so stored words can never become markup', () => {
    const html = renderArticleHtml({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '<script>alert(1)</script> & "quotes"' },
            { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: '/a"onmouseover="x' } }] },
          ],
        },
      ],
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/href="\/a"onmouseover/);
  });
});
