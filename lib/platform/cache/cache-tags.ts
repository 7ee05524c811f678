import 'server-only';

/**
 * The names under which reader-site data is cached. A cached read tags itself with every record it
 * shows; a write expires the tags of the records it changed, and nothing else.
 */
export const cacheTags = {
  /** Every cached reader read: a change to the site's settings can alter any page. */
  site: 'site',
  /** The home page's own lists (latest, most covered, current issue). */
  home: 'home',
  /** Lists of the newest articles anywhere on the site (home, feeds). */
  latestArticles: 'articles',
  /** The list of published issues. */
  issueList: 'issues',
  article: (id: number) => `article:${id}`,
  /** What one address under /articles/ shows, including "nothing": a later publication under that slug expires it. */
  articleSlug: (slug: string) => `article-slug:${slug}`,
  issue: (id: number) => `issue:${id}`,
  entity: (id: number) => `entity:${id}`,
  /** What one entity address shows, including nothing or a redirect: an entity that takes or leaves that address expires it. */
  entitySlug: (kind: string, slug: string) => `entity-slug:${kind}:${slug}`,
  section: (id: number) => `section:${id}`,
  author: (contributorId: number) => `author:${contributorId}`,
  /** The site's header and footer links, shown on every reader page. */
  navigation: 'navigation',
  page: (id: number) => `page:${id}`,
  /** What one address `/<slug>` shows, including "no page": a page published or moved there later expires it. */
  pageSlug: (slug: string) => `page-slug:${slug}`,
  /** Every public Content API answer: any change readers can see may alter one. */
  contentApi: 'content-api',
  /** Content API answers given to one integration's key: revoking the key drops them at the edge. */
  integration: (id: number) => `integration:${id}`,
} as const;

/** Tags are limited to 256 characters by Next; a longer one would silently never match. */
export const MAX_TAG_LENGTH = 256;
