import 'server-only';
import { and, asc, count, desc, eq, isNotNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { articleEntities, articles, entities, type EntityKind } from '@/db/schema';

export type RelatedEntity = {
  id: number;
  kind: EntityKind;
  name: string;
  slug: string;
  /** Published articles tagged with both entities. */
  count: number;
};

/** The entities most often tagged on the same published articles as this one, most shared first. */
export function relatedEntities({ entityId, limit = 8 }: { entityId: number; limit?: number }): RelatedEntity[] {
  const other = alias(articleEntities, 'other_article_entities');
  const shared = count(other.articleId);
  return getDb()
    .select({ id: entities.id, kind: entities.kind, name: entities.name, slug: entities.slug, count: shared })
    .from(articleEntities)
    .innerJoin(
      articles,
      and(
        eq(articles.id, articleEntities.articleId),
        eq(articles.status, 'published'),
        isNotNull(articles.publishedRevisionId),
        isNotNull(articles.publishedAt),
      ),
    )
    .innerJoin(other, and(eq(other.articleId, articleEntities.articleId), ne(other.entityId, articleEntities.entityId)))
    .innerJoin(entities, eq(entities.id, other.entityId))
    .where(eq(articleEntities.entityId, entityId))
    .groupBy(entities.id)
    .orderBy(desc(shared), asc(entities.name), asc(entities.id))
    .limit(limit)
    .all();
}
