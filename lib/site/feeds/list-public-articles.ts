import 'server-only';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, publishedArticleAuthors, publishedArticleEntities, revisions, sections } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { PUBLIC_SUMMARY_COLUMNS, toPublishedSummaries } from '@/lib/articles/public-summary-columns';

/** Which public articles a list or feed follows. */
export type PublicArticleScope =
  | { kind: 'site' }
  | { kind: 'issue'; issueId: number }
  | { kind: 'section'; sectionId: number }
  | { kind: 'author'; contributorId: number }
  | { kind: 'entity'; entityId: number };

export type PublicArticle = PublishedArticleSummary & { modifiedAt: Date };

/**
 * Public articles in a scope, newest first, read from their published snapshots (revision, byline,
 * section, issue, tags); `total` counts them all. What feeds, section and author pages list.
 */
export function listPublicArticles({ scope, limit, offset = 0 }: { scope: PublicArticleScope; limit: number; offset?: number }): {
  articles: PublicArticle[];
  total: number;
} {
  const db = getDb();
  const where = and(isPublicArticle(), scopeCondition(scope));
  const total = db.select({ value: count() }).from(articles).where(where).get()?.value ?? 0;
  if (total === 0 || offset >= total) return { articles: [], total };
  const rows = db
    .select({ ...PUBLIC_SUMMARY_COLUMNS, modifiedAt: articles.modifiedAt })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset)
    .all();
  const modifiedAt = new Map(rows.map((row) => [row.id, row.modifiedAt]));
  return {
    total,
    articles: toPublishedSummaries(rows).map((summary) => ({ ...summary, modifiedAt: modifiedAt.get(summary.id) ?? summary.publishedAt })),
  };
}

function scopeCondition(scope: PublicArticleScope): SQL | undefined {
  switch (scope.kind) {
    case 'site':
      return undefined;
    case 'issue':
      return eq(articles.publishedIssueId, scope.issueId);
    case 'section':
      return eq(articles.publishedSectionId, scope.sectionId);
    case 'author':
      return sql`exists (select 1 from ${publishedArticleAuthors} where ${publishedArticleAuthors.articleId} = ${articles.id} and ${publishedArticleAuthors.contributorId} = ${scope.contributorId})`;
    case 'entity':
      return sql`exists (select 1 from ${publishedArticleEntities} where ${publishedArticleEntities.articleId} = ${articles.id} and ${publishedArticleEntities.entityId} = ${scope.entityId})`;
  }
}
