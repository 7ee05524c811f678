import 'server-only';
import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { articles, entities, publishedArticleEntities, type EntityKind } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { isApprovedEntity } from './is-approved-entity';

export type RelatedEntity = {
  id: number;
  kind: EntityKind;
  name: string;
  slug: string;
  /** Published articles tagged with both entities. */
  count: number;
};

/** The entities most often tagged on the same published articles (as published) as this one, most shared first. */
export function relatedEntities({ entityId, limit = 8 }: { entityId: number; limit?: number }): RelatedEntity[] {
  const other = alias(publishedArticleEntities, 'other_published_article_entities');
  const shared = count(other.articleId);
  return getDb()
    .select({ id: entities.id, kind: entities.kind, name: entities.name, slug: entities.slug, count: shared })
    .from(publishedArticleEntities)
    .innerJoin(articles, and(eq(articles.id, publishedArticleEntities.articleId), isPublicArticle()))
    .innerJoin(other, and(eq(other.articleId, publishedArticleEntities.articleId), ne(other.entityId, publishedArticleEntities.entityId)))
    .innerJoin(entities, and(eq(entities.id, other.entityId), isApprovedEntity()))
    .where(eq(publishedArticleEntities.entityId, entityId))
    .groupBy(entities.id)
    .orderBy(desc(shared), asc(entities.name), asc(entities.id))
    .limit(limit)
    .all();
}
