import 'server-only';
import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, articles, revisions, sections } from '@/db/schema';
import { bylinesFor } from '@/lib/articles/article-bylines';
import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { makeExcerpt } from '@/lib/content/derive-article-text';

export type EntityArticles = { articles: PublishedArticleSummary[]; total: number };

const EXCERPT_LENGTH = 240;

/** Published articles tagged with an entity, newest first, from their published snapshots; `total` counts them all. */
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
  const isTaggedAndPublished = and(
    eq(articleEntities.entityId, entityId),
    eq(articles.status, 'published'),
    isNotNull(articles.publishedAt),
  );
  const total =
    db
      .select({ value: count() })
      .from(articleEntities)
      .innerJoin(articles, eq(articles.id, articleEntities.articleId))
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .where(isTaggedAndPublished)
      .get()?.value ?? 0;
  if (total === 0 || offset >= total) return { articles: [], total };

  const rows = db
    .select({
      id: articles.id,
      slug: revisions.slug,
      title: revisions.title,
      dek: revisions.dek,
      // Only the opening is needed for an excerpt; a long article's full text would be read for nothing.
      lead: sql<string>`substr(${revisions.bodyText}, 1, 2000)`,
      publishedAt: articles.publishedAt,
      sectionName: sections.name,
      sectionSlug: sections.slug,
    })
    .from(articleEntities)
    .innerJoin(articles, eq(articles.id, articleEntities.articleId))
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(isTaggedAndPublished)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset)
    .all();
  const bylines = bylinesFor(rows.map((row) => row.id));
  return {
    total,
    articles: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      dek: row.dek,
      // `articles.excerpt` follows the working copy, which may hold unpublished edits.
      excerpt: makeExcerpt(row.lead, EXCERPT_LENGTH),
      publishedAt: row.publishedAt!,
      section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
      authors: bylines.get(row.id) ?? [],
    })),
  };
}
