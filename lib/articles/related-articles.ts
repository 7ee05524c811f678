import 'server-only';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { articles, publishedArticleEntities } from '@/db/schema';
import { isPublicArticle } from './is-public-article';
import type { PublishedArticleSummary } from './published-article-summary';
import { publishedSummariesByIds } from './published-summaries-by-ids';

/**
 * Published articles that share the most tagged entities with this one (in their published
 * snapshots), newest first among equals; never the article itself.
 */
export function relatedArticles({ articleId, limit = 4 }: { articleId: number; limit?: number }): PublishedArticleSummary[] {
  const mine = alias(publishedArticleEntities, 'mine');
  const theirs = alias(publishedArticleEntities, 'theirs');
  const shared = sql<number>`count(*)`;
  const rows = getDb()
    .select({ id: articles.id, shared })
    .from(mine)
    .innerJoin(theirs, and(eq(theirs.entityId, mine.entityId), ne(theirs.articleId, mine.articleId)))
    .innerJoin(articles, eq(articles.id, theirs.articleId))
    .where(and(eq(mine.articleId, articleId), isPublicArticle()))
    .groupBy(articles.id)
    .orderBy(desc(shared), desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all();
  return publishedSummariesByIds(rows.map((row) => row.id));
}
