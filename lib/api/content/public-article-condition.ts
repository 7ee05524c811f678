import 'server-only';
import { and, isNull, lte, or, type SQL } from 'drizzle-orm';
import { articles } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';

/** What the Content API may show: what the reader site shows, and never anything still under embargo. */
export function isReadableArticle(now: Date): SQL {
  return and(isPublicArticle(), or(isNull(articles.embargoedUntil), lte(articles.embargoedUntil, now)))!;
}
