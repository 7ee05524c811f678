import { describe, expect, it } from 'vitest';
import { withStylesheetsInline } from '@/lib/site/inline-stylesheets';

const SITE_CSS = '.article{max-width:40rem}h1{font-size:2rem}';
const files: Record<string, string> = {
  '/_next/static/chunks/site.css': SITE_CSS,
  '/_next/static/chunks/fonts.css': "@font-face{src:url(./serif.woff2)}",
  '/_next/static/chunks/closing.css': 'p{color:red}</style><script>alert(1)</script>',
};
const read = (href: string) => files[href] ?? null;

describe('a kept page’s stylesheets, written into the page', () => {
  it('replaces a link to one of the build’s stylesheets with its text, and leaves other links as they are', () => {
    const html = '<head><link rel="stylesheet" href="/_next/static/chunks/site.css" nonce="n" data-precedence="next"/><link rel="canonical" href="/a"/></head>';
    expect(withStylesheetsInline(html, read)).toBe(`<head><style>${SITE_CSS}</style><link rel="canonical" href="/a"/></head>`);
  });

  it('keeps the link when the file cannot be read, lies outside the build, refers to other files, or could end the style element', () => {
    for (const href of ['/_next/static/chunks/missing.css', 'https://cdn.example.org/site.css', '/_next/static/../../etc/passwd.css', '/_next/static/chunks/fonts.css', '/_next/static/chunks/closing.css']) {
      const link = `<link rel="stylesheet" href="${href}"/>`;
      expect(withStylesheetsInline(`<head>${link}</head>`, read), href).toBe(`<head>${link}</head>`);
    }
  });

  it('leaves a page without stylesheets unchanged', () => {
    expect(withStylesheetsInline('<p>No styles</p>', read)).toBe('<p>No styles</p>');
  });
});
