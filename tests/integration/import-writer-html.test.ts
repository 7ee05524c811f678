import { describe, expect, it } from 'vitest';
import { htmlToArticleDoc, listImageSources } from '@/lib/content/html-to-article-doc';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { nodesOf } from '../support/nodes-of';

const LIBRARY_IMAGE = {
  mediaId: 7,
  src: '/api/media/7-abc/w1600.jpg',
  srcset: '/api/media/7-abc/w480.webp 480w',
  width: 1600,
  height: 900,
  alt: 'Library alt',
  caption: 'Library caption',
};

describe('turning imported HTML into an article document', () => {
  it('keeps the paragraphs, emphasis and links of classic HTML', () => {
    const { doc, dropped } = htmlToArticleDoc('<p>The treaty <strong>lapsed</strong> in 2026.</p>\n<p>See <a href="https://example.org/report">the report</a>.</p>');
    expect(validateArticleDoc(doc).ok).toBe(true);
    expect(doc.content?.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(docToPlainText(doc)).toContain('The treaty lapsed in 2026.');
    const html = renderArticleHtml(doc);
    expect(html).toContain('<strong>lapsed</strong>');
    expect(html).toContain('href="https://example.org/report"');
    expect(dropped).toEqual([]);
  });

  it('maps block-ish HTML onto headings, lists, quotes and tables', () => {
    const { doc } = htmlToArticleDoc(
      '<h1>Top</h1><h5>Small</h5><ul><li>One</li><li>Two</li></ul><blockquote><p>Quoted</p></blockquote>' +
        '<table><tr><th>Year</th></tr><tr><td>2026</td></tr></table><hr>',
    );
    expect(validateArticleDoc(doc).ok).toBe(true);
    expect(nodesOf(doc, 'heading').map((node) => node.attrs?.level)).toEqual([2, 4]);
    expect(nodesOf(doc, 'listItem')).toHaveLength(2);
    expect(nodesOf(doc, 'blockquote')).toHaveLength(1);
    expect(nodesOf(doc, 'table')).toHaveLength(1);
    expect(nodesOf(doc, 'horizontalRule')).toHaveLength(1);
  });

  it('puts a resolved image into a figure from the media library, with its caption', () => {
    const html = '<p>Before</p><figure><img src="https://old.example.org/wp-content/uploads/a.jpg" alt="Missiles on parade"><figcaption>Moscow, 2024</figcaption></figure><p>After <img src="https://old.example.org/b.jpg"></p>';
    expect(listImageSources(html)).toEqual(['https://old.example.org/wp-content/uploads/a.jpg', 'https://old.example.org/b.jpg']);
    const { doc, dropped } = htmlToArticleDoc(html, {
      resolveImage: (src) => (src.endsWith('a.jpg') ? LIBRARY_IMAGE : null),
    });
    expect(validateArticleDoc(doc).ok).toBe(true);
    const figures = nodesOf(doc, 'figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]!.attrs).toMatchObject({ mediaId: 7, src: LIBRARY_IMAGE.src, alt: 'Missiles on parade', caption: 'Moscow, 2024', width: 1600 });
    expect(docToPlainText(doc)).toContain('After');
    expect(dropped).toEqual(['the image https://old.example.org/b.jpg']);
  });

  it('gives a bare image the library alt and caption when the HTML has none', () => {
    const { doc } = htmlToArticleDoc('<p><img src="/wp-content/uploads/a.jpg"></p>', { resolveImage: () => LIBRARY_IMAGE });
    expect(nodesOf(doc, 'figure')[0]!.attrs).toMatchObject({ mediaId: 7, alt: 'Library alt', caption: 'Library caption' });
  });

  it('drops scripts, frames, handlers and unsafe links from hostile HTML and names them', () => {
    const hostile =
      '<p onclick="steal()">Hello <script>alert(1)</script><a href="javascript:alert(2)">click</a></p>' +
      '<iframe src="https://evil.example/frame"></iframe>' +
      '<img src="x" onerror="alert(3)">' +
      '<p><span class="entity-mention" data-entity-id="1" data-kind="country">Russia</span></p>' +
      '<figure data-media-id="3"><img src="/api/media/3-forged/w480.jpg" alt="forged"></figure>' +
      '<style>p { color: red }</style><p>End</p>';
    const { doc, dropped } = htmlToArticleDoc(hostile, { resolveImage: () => null });
    expect(validateArticleDoc(doc).ok).toBe(true);
    const html = renderArticleHtml(doc);
    expect(html).not.toMatch(/script|iframe|onerror|onclick|javascript:|alert/i);
    expect(nodesOf(doc, 'entityMention')).toEqual([]);
    expect(nodesOf(doc, 'figure')).toEqual([]);
    expect(docToPlainText(doc)).toContain('Hello click');
    expect(docToPlainText(doc)).toContain('Russia');
    expect(dropped).toEqual(
      expect.arrayContaining(['a script', 'an embedded frame (https://evil.example/frame)', 'a link to javascript:alert(2)', 'the image x']),
    );
  });

  it('returns an empty paragraph for empty input', () => {
    const { doc } = htmlToArticleDoc('');
    expect(validateArticleDoc(doc).ok).toBe(true);
  });
});
