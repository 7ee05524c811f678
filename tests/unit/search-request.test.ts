import { describe, expect, it } from 'vitest';
import { parseSearchRequest, searchHref } from '@/lib/site/search/search-request';

describe('parseSearchRequest', () => {
  it('keeps a query as the reader typed it, trimmed', () => {
    expect(parseSearchRequest({ q: '  New START inspections ' }).q).toBe('New START inspections');
  });

  it('turns control characters, which no page can show, into spaces, so the search box holds what the server searched', () => {
    expect(parseSearchRequest({ q: '\u0000<script>x</script>' }).q).toBe('<script>x</script>');
    expect(parseSearchRequest({ q: 'arms\u0007control\ttreaty\r\nverification\u007f' }).q).toBe('arms control treaty verification');
  });

  it('keeps letters from every script and marks that are not control characters', () => {
    expect(parseSearchRequest({ q: 'Ω 中文 « Treaty » — 🚀' }).q).toBe('Ω 中文 « Treaty » — 🚀');
  });

  it('falls back to defaults for anything malformed, and a link made from the request leaves defaults out', () => {
    const request = parseSearchRequest({ q: 'inspections', page: 'x', sort: 'loudest', section: 'Not A Slug' });
    expect(request).toEqual({ q: 'inspections', page: 1, sort: 'relevance', filters: {} });
    expect(searchHref(request)).toBe('/search?q=inspections');
  });
});
