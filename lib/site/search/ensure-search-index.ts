import 'server-only';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { articleSearch } from './article-search-table';
import { rebuildSearchIndex } from './rebuild-search-index';

/**
 * A database from before the search index (or restored from such a backup) has published articles and an
 * empty index; this fills it once, at start. Returns the rows written (0 when nothing was needed).
 */
export function ensureSearchIndex(): number {
  const db = getDb();
  const indexed = db.select({ value: count() }).from(articleSearch).get()?.value ?? 0;
  if (indexed > 0) return 0;
  const published = db.select({ value: count() }).from(articles).where(and(eq(articles.status, 'published'), isNotNull(articles.publishedRevisionId))).get()?.value ?? 0;
  return published > 0 ? rebuildSearchIndex() : 0;
}
