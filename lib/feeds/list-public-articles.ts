import 'server-only';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, publishedArticleAuthors, publishedArticleEntities, revisions, sections } from '@/db/schema';
import { publishedBylinesFor } from '@/lib/articles/article-bylines';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { makeExcerpt } from '@/lib/content/derive-article-text';

/** Which public articles a list or feed follows. */
export type PublicArticleScope =
  | { kind: 'site' }
  | { kind: 'issue'; issueId: number }
  | { kind: 'section'; sectionId: number }
  | { kind: 'author'; contributorId: number }
  | { kind: 'entity'; entityId: number };

export type PublicArticle = PublishedArticleSummary & { modifiedAt: Date };

const EXCERPT_LENGTH = 240;

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
    .select({
      id: articles.id,
      slug: revisions.slug,
      title: revisions.title,
      dek: revisions.dek,
      // Only the opening is needed for an excerpt; a long article's full text would be read for nothing.
      lead: sql<string>`substr(${revisions.bodyText}, 1, 2000)`,
      publishedAt: articles.publishedAt,
      modifiedAt: articles.modifiedAt,
      sectionName: sections.name,
      sectionSlug: sections.slug,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .where(where)
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
      modifiedAt: row.modifiedAt ?? row.publishedAt!,
      section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
      authors: bylines.get(row.id) ?? [],
    })),
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
