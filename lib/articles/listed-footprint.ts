import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions } from '@/db/schema';
import { publishedFootprint } from './published-footprint';
import { publishedSummariesByIds } from './published-summaries-by-ids';

/**
 * Everything a page other than an article's own can show of it, as one comparable string: its summary
 * in lists (title, dek, excerpt, byline, section, date, members-only mark), where it is filed (issue and
 * place in it, section, entities, authors), whether and how it is public, and its featured
 * image. Read before a publication move and after: when
 * the two agree, the move changed the article's own page and nothing that lists it.
 */
export function listedFootprint(articleId: number): string {
  const row = getDb()
    .select({
      status: articles.status,
      publishedAt: articles.publishedAt,
      firstPublishedAt: articles.firstPublishedAt,
      issuePosition: articles.issuePosition,
      publishedAccess: articles.publishedAccess,
      publishedAccessTierIds: articles.publishedAccessTierIds,
      slug: revisions.slug,
      title: revisions.title,
      dek: revisions.dek,
      meta: revisions.meta,
    })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(eq(articles.id, articleId))
    .get();
  if (!row) return 'missing';
  // Of the snapshot's metadata only the featured image shows elsewhere (lead stories, covers); search titles
  // are the article's own page's, and where it is filed is read from the published rows below.
  return JSON.stringify({
    ...row,
    meta: { featuredMediaId: row.meta?.featuredMediaId ?? null },
    publishedAt: row.publishedAt?.getTime() ?? null,
    firstPublishedAt: row.firstPublishedAt?.getTime() ?? null,
    filed: publishedFootprint(articleId),
    summary: publishedSummariesByIds([articleId]),
  });
}
