import 'server-only';
import { and, desc, eq, gte, max, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, entities, publishedArticleEntities, type EntityKind } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { isApprovedEntity } from '@/lib/entities/is-approved-entity';

export type CoveredEntity = { id: number; kind: EntityKind; name: string; slug: string; articleCount: number };

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The entities tagged in the most articles published in the month up to the newest publication
 * (on a live site, the past 30 days; on a quiet one, its last month of coverage). Ties go by name.
 */
export function mostCoveredEntities({ limit = 8 }: { limit?: number } = {}): CoveredEntity[] {
  const db = getDb();
  const newest = db.select({ at: max(articles.publishedAt) }).from(articles).where(isPublicArticle()).get()?.at;
  if (!newest) return [];
  const since = new Date(newest.getTime() - MONTH_MS);
  const articleCount = sql<number>`count(*)`;
  return db
    .select({ id: entities.id, kind: entities.kind, name: entities.name, slug: entities.slug, articleCount })
    .from(publishedArticleEntities)
    .innerJoin(articles, eq(articles.id, publishedArticleEntities.articleId))
    .innerJoin(entities, eq(entities.id, publishedArticleEntities.entityId))
    .where(and(isPublicArticle(), isApprovedEntity(), gte(articles.publishedAt, since)))
    .groupBy(entities.id)
    .orderBy(desc(articleCount), entities.name)
    .limit(limit)
    .all();
}
