import 'server-only';
import { articleForSlug } from '@/lib/articles/article-slug-status';
import { isGatedIn } from './article-access-rule';
import { publishedAccessRule } from './published-access-rule';
import { siteMonth } from './site-month';

/** The header every response for a gated article carries, whoever asks: it varies per reader and is never kept. */
export const GATED_CACHE_CONTROL = 'private, no-store';

/**
 * Whether `/articles/<slug>` is a gated article today, so its response varies per reader and no shared
 * copy of it may be kept or served. One lookup on the article's slug or an old one.
 */
export function isGatedArticleSlug({ slug, now = new Date() }: { slug: string; now?: Date }): boolean {
  const article = articleForSlug(slug);
  if (!article || article.publishedRevisionId === null) return false;
  return isGatedIn({ rule: publishedAccessRule(article.id), month: siteMonth(now) });
}
