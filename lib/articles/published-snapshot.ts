import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articleAuthors, articleEntities, articles, publishedArticleAuthors, publishedArticleEntities } from '@/db/schema';
import { indexPublishedArticle } from '@/lib/site/search/index-published-article';
import { removeFromSearchIndex } from '@/lib/site/search/remove-from-search-index';

type Tx = Pick<Db, 'select' | 'insert' | 'delete' | 'update'>;

/**
 * Copies the working copy's byline, tags, section, issue and access level into the published snapshot, which is
 * all the reader site reads, and indexes it for search. Called inside the publishing transaction (and by
 * the demo seed), after `publishedRevisionId` points at the revision being published.
 */
export function writePublishedSnapshot(tx: Tx, articleId: number): { entityIds: number[]; contributorIds: number[] } {
  const article = tx
    .select({ sectionId: articles.sectionId, issueId: articles.issueId, access: articles.access, accessTierIds: articles.accessTierIds })
    .from(articles)
    .where(eq(articles.id, articleId))
    .get();
  if (!article) throw new Error(`Article ${articleId} does not exist.`);
  const authors = tx
    .select({ contributorId: articleAuthors.contributorId, position: articleAuthors.position })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, articleId))
    .orderBy(asc(articleAuthors.position))
    .all();
  const tags = tx.select({ entityId: articleEntities.entityId }).from(articleEntities).where(eq(articleEntities.articleId, articleId)).all();

  tx.delete(publishedArticleAuthors).where(eq(publishedArticleAuthors.articleId, articleId)).run();
  tx.delete(publishedArticleEntities).where(eq(publishedArticleEntities.articleId, articleId)).run();
  if (authors.length > 0) tx.insert(publishedArticleAuthors).values(authors.map((author, position) => ({ articleId, contributorId: author.contributorId, position }))).run();
  if (tags.length > 0) tx.insert(publishedArticleEntities).values(tags.map((tag) => ({ articleId, entityId: tag.entityId }))).run();
  tx.update(articles)
    .set({
      publishedSectionId: article.sectionId,
      publishedIssueId: article.issueId,
      publishedAccess: article.access,
      publishedAccessTierIds: article.access === 'tiers' ? article.accessTierIds : [],
    })
    .where(eq(articles.id, articleId))
    .run();
  indexPublishedArticle(tx, articleId);
  return { entityIds: tags.map((tag) => tag.entityId), contributorIds: authors.map((author) => author.contributorId) };
}

/** Takes an article off every public list and out of search: its snapshot rows go (the published revision stays in history). */
export function clearPublishedSnapshot(tx: Tx, articleId: number): void {
  tx.delete(publishedArticleAuthors).where(eq(publishedArticleAuthors.articleId, articleId)).run();
  tx.delete(publishedArticleEntities).where(eq(publishedArticleEntities.articleId, articleId)).run();
  removeFromSearchIndex(tx, articleId);
}
