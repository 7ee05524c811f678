import 'server-only';
import { and, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions, sections } from '@/db/schema';
import { bylinesFor } from './article-bylines';
import type { PublishedArticleSummary } from './published-article-summary';

/** Published articles, newest first, from their published snapshots. */
export function listPublishedArticles({
  limit = 20,
  issueId,
}: { limit?: number; issueId?: number } = {}): PublishedArticleSummary[] {
  const conditions: SQL[] = [eq(articles.status, 'published'), isNotNull(articles.publishedAt)];
  if (issueId !== undefined) conditions.push(eq(articles.issueId, issueId));
  const rows = getDb()
    .select({
      id: articles.id,
      slug: revisions.slug,
      title: revisions.title,
      dek: revisions.dek,
      excerpt: articles.excerpt,
      publishedAt: articles.publishedAt,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      sectionPosition: sections.position,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(...conditions))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all();
  const bylines = bylinesFor(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    excerpt: row.excerpt,
    publishedAt: row.publishedAt!,
    section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
    authors: bylines.get(row.id) ?? [],
  }));
}
