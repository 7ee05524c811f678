/** First path segments the site already answers: a page taking one would never be seen. */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set([
  'account', 'api', 'articles', 'atom-xml', 'authors', 'corrections', 'countries', 'desk', 'feed-xml', 'ghost', 'icon-svg',
  'issues', 'login', 'organizations', 'people', 'preview', 'robots-txt', 'search', 'sections', 'sitemap-xml', 'subscribe',
  'topics', 'treaties', 'unsubscribe',
]);
