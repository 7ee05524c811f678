import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, publishedArticleAuthors, publishedArticleEntities } from '@/db/schema';

export type PublishedFootprint = {
  /** The issue it is filed under in its published snapshot, published or not yet (its publication changes the page). */
  issueId: number | null;
  sectionId: number | null;
  entityIds: number[];
  contributorIds: number[];
};

/** The records a published article's page shows besides itself, by id: what its cached page is tagged with. */
export function publishedFootprint(articleId: number): PublishedFootprint {
  const db = getDb();
  const row = db
    .select({ issueId: articles.publishedIssueId, sectionId: articles.publishedSectionId })
    .from(articles)
    .where(eq(articles.id, articleId))
    .get();
  return {
    issueId: row?.issueId ?? null,
    sectionId: row?.sectionId ?? null,
    entityIds: db.select({ id: publishedArticleEntities.entityId }).from(publishedArticleEntities).where(eq(publishedArticleEntities.articleId, articleId)).all().map((entity) => entity.id),
    contributorIds: db
      .select({ id: publishedArticleAuthors.contributorId })
      .from(publishedArticleAuthors)
      .where(eq(publishedArticleAuthors.articleId, articleId))
      .all()
      .map((author) => author.id),
  };
}
