import 'server-only';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions, sections } from '@/db/schema';
import { isPublicArticle } from './is-public-article';
import type { PublishedArticleSummary } from './published-article-summary';
import { PUBLIC_SUMMARY_COLUMNS, toPublishedSummaries } from './public-summary-columns';

/** Published articles, newest first, from their published snapshots; `issueId` keeps those published in that issue. */
export function listPublishedArticles({
  limit = 20,
  issueId,
}: { limit?: number; issueId?: number } = {}): PublishedArticleSummary[] {
  const conditions: SQL[] = [isPublicArticle()];
  if (issueId !== undefined) conditions.push(eq(articles.publishedIssueId, issueId));
  const rows = getDb()
    .select(PUBLIC_SUMMARY_COLUMNS)
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .where(and(...conditions))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all();
  return toPublishedSummaries(rows);
}
