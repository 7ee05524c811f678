import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, contributors, publishedArticleAuthors, type ContributorReviewStatus } from '@/db/schema';

/** `hasPage` is false for a guest awaiting review: the name is shown, but there is no author page to link to yet. */
export type Byline = { name: string; slug: string; hasPage: boolean };

/** Working-copy authors of many articles in one query, in byline order: for the desk. */
export function bylinesFor(articleIds: number[]): Map<number, Byline[]> {
  if (articleIds.length === 0) return new Map();
  const rows = getDb()
    .select({ articleId: articleAuthors.articleId, name: contributors.name, slug: contributors.slug, reviewStatus: contributors.reviewStatus })
    .from(articleAuthors)
    .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position))
    .all();
  return groupByArticle(rows);
}

/** The published byline of many articles in one query, in byline order: all the reader site shows. */
export function publishedBylinesFor(articleIds: number[]): Map<number, Byline[]> {
  if (articleIds.length === 0) return new Map();
  const rows = getDb()
    .select({ articleId: publishedArticleAuthors.articleId, name: contributors.name, slug: contributors.slug, reviewStatus: contributors.reviewStatus })
    .from(publishedArticleAuthors)
    .innerJoin(contributors, eq(contributors.id, publishedArticleAuthors.contributorId))
    .where(inArray(publishedArticleAuthors.articleId, articleIds))
    .orderBy(asc(publishedArticleAuthors.articleId), asc(publishedArticleAuthors.position))
    .all();
  return groupByArticle(rows);
}

function groupByArticle(rows: { articleId: number; name: string; slug: string; reviewStatus: ContributorReviewStatus }[]): Map<number, Byline[]> {
  const result = new Map<number, Byline[]>();
  for (const row of rows) {
    const list = result.get(row.articleId) ?? [];
    list.push({ name: row.name, slug: row.slug, hasPage: row.reviewStatus === 'approved' });
    result.set(row.articleId, list);
  }
  return result;
}
