import 'server-only';
import { articleForSlug } from '@/lib/articles/article-slug-status';
import { decideArticleAccess } from './decide-article-access';
import { institutionAddress } from './institution-address';
import { publishedAccessRule } from './published-access-rule';

/**
 * What a page kept for anonymous readers is rendered with in place of a client address: not an address at
 * all, so institutional access sees none (`institutionAddress` is null) and no range lets the render read
 * the whole article.
 */
export const TEASER_RENDER_ADDRESS = 'kept-page-render';

/**
 * Whether a request for a gated article's page gets exactly what every anonymous reader gets: it carries
 * no cookie at all (no reader or staff session, nothing else a page could read), and its address lets it
 * read nothing more. Then the page is the article's public part with the same invitation for everyone,
 * and one rendering of it (`TEASER_RENDER_ADDRESS`, no cookie) may be kept and served to all such
 * requests. False whenever in doubt: the page is then rendered for the request, as before.
 */
export function isAnonymousTeaserRequest({ slug, headers }: { slug: string; headers: Headers }): boolean {
  if (headers.has('cookie') || headers.has('authorization')) return false;
  const article = articleForSlug(slug);
  if (!article || article.publishedRevisionId === null) return false;
  const rule = publishedAccessRule(article.id);
  const reader = decideArticleAccess({ rule, reader: null, address: institutionAddress(headers) });
  const render = decideArticleAccess({ rule, reader: null, address: institutionAddress(new Headers({ 'x-forwarded-for': TEASER_RENDER_ADDRESS })) });
  return !reader.isAllowed && !render.isAllowed && reader.reason === render.reason;
}
