import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions, sections } from '@/db/schema';
import { makeExcerpt } from '@/lib/content/derive-article-text';
import { publishedBylinesFor } from './article-bylines';
import { isPublicArticle } from './is-public-article';
import type { PublishedArticleSummary } from './published-article-summary';

const EXCERPT_LENGTH = 240;

/** Published articles, newest first, from their published snapshots; `issueId` keeps those published in that issue. */
export function listPublishedArticles({
  limit = 20,
  issueId,
}: { limit?: number; issueId?: number } = {}): PublishedArticleSummary[] {
  const conditions: SQL[] = [isPublicArticle()];
  if (issueId !== undefined) conditions.push(eq(articles.publishedIssueId, issueId));
  const rows = getDb()
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
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .where(and(...conditions))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all();
  const bylines = publishedBylinesFor(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    // `articles.excerpt` follows the working copy, which may hold unpublished edits.
    excerpt: makeExcerpt(row.lead, EXCERPT_LENGTH),
    publishedAt: row.publishedAt!,
    section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
    authors: bylines.get(row.id) ?? [],
  }));
}
