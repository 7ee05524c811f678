import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, publishedArticleEntities, revisions, sections } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { PUBLIC_SUMMARY_COLUMNS, toPublishedSummaries } from '@/lib/articles/public-summary-columns';

export type EntityArticles = { articles: PublishedArticleSummary[]; total: number };

/**
 * Published articles whose published snapshot is tagged with an entity, newest first; `total`
 * counts them all. Tags added to a working copy count only once it is republished.
 */
export function listEntityArticles({
  entityId,
  limit,
  offset = 0,
}: {
  entityId: number;
  limit: number;
  offset?: number;
}): EntityArticles {
  const db = getDb();
  const isTaggedAndPublic = and(eq(publishedArticleEntities.entityId, entityId), isPublicArticle());
  const total =
    db
      .select({ value: count() })
      .from(publishedArticleEntities)
      .innerJoin(articles, eq(articles.id, publishedArticleEntities.articleId))
      .where(isTaggedAndPublic)
      .get()?.value ?? 0;
  if (total === 0 || offset >= total) return { articles: [], total };

  const rows = db
    .select(PUBLIC_SUMMARY_COLUMNS)
    .from(publishedArticleEntities)
    .innerJoin(articles, eq(articles.id, publishedArticleEntities.articleId))
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .where(isTaggedAndPublic)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset)
    .all();
  return { total, articles: toPublishedSummaries(rows) };
}
