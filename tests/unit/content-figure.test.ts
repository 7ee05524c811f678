import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';

const figure = (attrs: Record<string, unknown>): JSONContent => ({ type: 'figure', attrs });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

const libraryImage = {
  mediaId: 12,
  src: '/api/media/12/original.webp',
  srcset: '/api/media/12/640.webp 640w, /api/media/12/1280.webp 1280w',
  alt: 'A grain ship leaving Odesa',
  caption: 'The first convoy',
  credit: 'Photo: Agency',
  width: 1280,
  height: 853,
};

describe('figure validation', () => {
  it('accepts an image from the media library with every attribute', () => {
    expect(validateArticleDoc(doc(figure(libraryImage))).ok).toBe(true);
  });

  it('accepts a library image with only a source, and no alt text yet', () => {
    expect(validateArticleDoc(doc(figure({ src: '/api/media/12/w960.jpg' }))).ok).toBe(true);
  });

  it('refuses an image from another site, naming it and saying what to do instead', () => {
    const result = validateArticleDoc(doc(figure({ src: 'https://images.example.org/port.jpg' })));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual({
        path: 'doc.content[0]',
        message: 'The image "https://images.example.org/port.jpg" is not in the media library, so readers would see a broken image: upload it to the media library and insert it from there.',
      });
    }
  });

  it('refuses a javascript: source', () => {
    const result = validateArticleDoc(doc(figure({ ...libraryImage, src: 'javascript:alert(1)' })));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual({
        path: 'doc.content[0]',
        message: 'The image "javascript:alert(1)" is not in the media library, so readers would see a broken image: upload it to the media library and insert it from there.',
      });
    }
  });

  it('refuses an http source and a site path outside the media library', () => {
    expect(validateArticleDoc(doc(figure({ src: 'http://images.example.org/port.jpg' }))).ok).toBe(false);
    expect(validateArticleDoc(doc(figure({ src: '/desk/articles/3' }))).ok).toBe(false);
  });

  it('refuses a srcset with a protocol-relative candidate', () => {
    const result = validateArticleDoc(doc(figure({ ...libraryImage, srcset: '/api/media/12/640.webp 640w, //evil.example/x.jpg 1280w' })));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('srcset may only list media-library addresses');
  });

  it('refuses a figure without a source', () => {
    const result = validateArticleDoc(doc(figure({ alt: 'No image' })));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('The image "undefined" is not in the media library');
  });

  it('refuses alt text over 300 characters', () => {
    const result = validateArticleDoc(doc(figure({ ...libraryImage, alt: 'a'.repeat(301) })));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("The image's alt text is 301 characters; keep it to 300.");
    expect(validateArticleDoc(doc(figure({ ...libraryImage, alt: 'a'.repeat(300) }))).ok).toBe(true);
  });

  it('refuses dimensions and media ids that are not positive whole numbers', () => {
    expect(validateArticleDoc(doc(figure({ ...libraryImage, width: '1280' }))).ok).toBe(false);
    expect(validateArticleDoc(doc(figure({ ...libraryImage, height: -5 }))).ok).toBe(false);
    expect(validateArticleDoc(doc(figure({ ...libraryImage, mediaId: 1.5 }))).ok).toBe(false);
  });

  it('refuses an attribute the figure does not define', () => {
    const result = validateArticleDoc(doc(figure({ ...libraryImage, onerror: 'alert(1)' })));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('figure has no attribute "onerror"');
  });
});

describe('figure rendering', () => {
  it('renders the image, responsive sources, caption and credit', () => {
    expect(renderArticleHtml(doc(figure(libraryImage)))).toBe(
      '<figure class="figure" data-media-id="12">' +
        '<img src="/api/media/12/original.webp" srcset="/api/media/12/640.webp 640w, /api/media/12/1280.webp 1280w" ' +
        'sizes="(min-width: 48rem) 42rem, 100vw" alt="A grain ship leaving Odesa" width="1280" height="853" loading="lazy" decoding="async"/>' +
        '<figcaption>The first convoy <span class="credit">Photo: Agency</span></figcaption>' +
        '</figure>',
    );
  });

  it('leaves out the caption when there is neither caption nor credit, and srcset when there is none', () => {
    expect(renderArticleHtml(doc(figure({ src: '/api/media/12/w960.jpg' })))).toBe(
      '<figure class="figure"><img src="/api/media/12/w960.jpg" alt="" loading="lazy" decoding="async"/></figure>',
    );
  });

  it('shows a caption and credit with the characters they were stored with, trimming only the spaces a page folds away', () => {
    const html = renderArticleHtml(doc(figure({ src: '/api/media/3/a.webp', caption: ' \u00A0Indented map \n', credit: '\uFEFF\u2028Photo: Agency\t' })));
    expect(html).toContain('<figcaption>\u00A0Indented map <span class="credit">\uFEFF\u2028Photo: Agency</span></figcaption>');
  });

  it('renders a credit on its own', () => {
    const html = renderArticleHtml(doc(figure({ src: '/api/media/3/a.webp', credit: 'Photo: Agency' })));
    expect(html).toContain('<figcaption><span class="credit">Photo: Agency</span></figcaption>');
  });

  it('escapes alt text, caption and credit', () => {
    const html = renderArticleHtml(doc(figure({ src: '/api/media/3/a.webp', alt: '"><script>x</script>', caption: '<b>bold</b> & co', credit: '<i>' })));
    expect(html).toContain('alt="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('<figcaption>&lt;b&gt;bold&lt;/b&gt; &amp; co <span class="credit">&lt;i&gt;</span></figcaption>');
    expect(html).not.toContain('<script>');
  });

  it('adds its caption, but not its alt text or credit, to the plain text', () => {
    const derived = deriveArticleText(doc({ type: 'paragraph', content: [{ type: 'text', text: 'Ships left.' }] }, figure(libraryImage)));
    expect(derived.text).toBe('Ships left.\n\nThe first convoy');
  });
});
