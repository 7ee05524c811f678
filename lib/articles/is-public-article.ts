import 'server-only';
import { and, eq, isNotNull, type SQL } from 'drizzle-orm';
import { articles } from '@/db/schema';

/** What makes an article visible to readers: published, with a published snapshot to show. */
export function isPublicArticle(): SQL {
  return and(eq(articles.status, 'published'), isNotNull(articles.publishedRevisionId), isNotNull(articles.publishedAt))!;
}
