import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, articleSlugHistory, revisions } from '@/db/schema';
import { isPublicArticle } from './is-public-article';

/**
 * For a slug that no longer shows an article: the public slug of the published article that
 * used it (its working slug or an old one), so old links can redirect permanently.
 */
export function findCurrentArticleSlug(slug: string): string | null {
  const db = getDb();
  const byHistory = db.select({ id: articleSlugHistory.articleId }).from(articleSlugHistory).where(eq(articleSlugHistory.slug, slug)).get();
  const byWorkingCopy = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get();
  const articleId = byHistory?.id ?? byWorkingCopy?.id;
  if (!articleId) return null;
  const published = db
    .select({ slug: revisions.slug })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(and(eq(articles.id, articleId), isPublicArticle()))
    .get();
  return published?.slug ?? null;
}
