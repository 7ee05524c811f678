import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, publishedArticleEntities, revisions, sections } from '@/db/schema';
import { publishedBylinesFor } from '@/lib/articles/article-bylines';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { makeExcerpt } from '@/lib/content/derive-article-text';

export type EntityArticles = { articles: PublishedArticleSummary[]; total: number };

const EXCERPT_LENGTH = 240;

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
    .from(publishedArticleEntities)
    .innerJoin(articles, eq(articles.id, publishedArticleEntities.articleId))
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .where(isTaggedAndPublic)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset)
    .all();
  const bylines = publishedBylinesFor(rows.map((row) => row.id));
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
