/**
 * The first path segments the application answers itself. A page at `/<slug>` must never take one of
 * them; `tests/unit/page-slug-routes.test.ts` reads app/ and fails when a new route is missing here.
 */
export const RESERVED_PAGE_SLUGS: readonly string[] = [
  'account',
  'api',
  'articles',
  'atom.xml',
  'authors',
  'corrections',
  'countries',
  'desk',
  'feed.xml',
  'ghost',
  'issues',
  'join',
  'login',
  'logout',
  'organizations',
  'people',
  'preview',
  'search',
  'sections',
  'subscribe',
  'topics',
  'treaties',
  // Served by Next or the media store rather than a folder of app/.
  '_next',
  'media',
  'favicon.ico',
  'icon.svg',
  'robots.txt',
  'sitemap.xml',
  'index',
];

export const MAX_PAGE_SLUG_LENGTH = 80;
const SLUG_FORMAT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PAGE_SLUG_FORMAT_PROBLEM = 'Use lower-case letters, digits and hyphens only, e.g. submission-guidelines.';

/** Why a slug cannot be a page's address (its form, or a route of the site it would hide), or null when it can. */
export function checkPageSlug(slug: string): string | null {
  if (slug.length === 0) return 'Enter a slug, e.g. about.';
  if (slug.length > MAX_PAGE_SLUG_LENGTH) return `Keep the slug to ${MAX_PAGE_SLUG_LENGTH} characters or fewer.`;
  if (!SLUG_FORMAT.test(slug)) return PAGE_SLUG_FORMAT_PROBLEM;
  if (RESERVED_PAGE_SLUGS.includes(slug)) return `The address /${slug} belongs to the site’s own ${slug} pages; choose another slug.`;
  return null;
}
