import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions, sections } from '@/db/schema';
import { isPublicArticle } from './is-public-article';
import type { PublishedArticleSummary } from './published-article-summary';
import { PUBLIC_SUMMARY_COLUMNS, toPublishedSummaries } from './public-summary-columns';

/** The reader-site summaries of these articles, in the order of `ids`; any not public are left out. */
export function publishedSummariesByIds(ids: readonly number[]): PublishedArticleSummary[] {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select(PUBLIC_SUMMARY_COLUMNS)
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .where(and(inArray(articles.id, [...ids]), isPublicArticle()))
    .all();
  const byId = new Map(toPublishedSummaries(rows).map((summary) => [summary.id, summary]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
