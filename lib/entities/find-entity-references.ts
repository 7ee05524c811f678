import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articleEntities, articles, publishedArticleEntities, revisions } from '@/db/schema';
import { countEntityMentions } from './count-entity-mentions';

export type EntityReferences = {
  /** Articles tagged with the entity (`article_entities`, by mention or by hand). */
  taggedArticleIds: number[];
  /** Articles whose published snapshot is tagged with it (`published_article_entities`). */
  publishedTaggedArticleIds: number[];
  /** Articles whose working copy has an `entityMention` of it. */
  workingCopyArticleIds: number[];
  /** Published revisions (the ones `articles.published_revision_id` names) with a mention of it. */
  publishedRevisions: { revisionId: number; articleId: number }[];
  /** Every article above, once, ascending. */
  articleIds: number[];
};

/**
 * Everything that refers to an entity. Texts are found with a LIKE on the stored JSON first (a
 * cheap filter that also catches `"entityId":12` when looking for 1), then confirmed by walking
 * the document.
 */
export function findEntityReferences({ db, entityId }: { db: Pick<Db, 'select'>; entityId: number }): EntityReferences {
  const pattern = `%"entityId":${entityId}%`;
  const taggedArticleIds = db
    .select({ articleId: articleEntities.articleId })
    .from(articleEntities)
    .where(eq(articleEntities.entityId, entityId))
    .all()
    .map((row) => row.articleId);
  const publishedTaggedArticleIds = db
    .select({ articleId: publishedArticleEntities.articleId })
    .from(publishedArticleEntities)
    .where(eq(publishedArticleEntities.entityId, entityId))
    .all()
    .map((row) => row.articleId);
  const workingCopyArticleIds = db
    .select({ id: articles.id, body: articles.body })
    .from(articles)
    .where(sql`${articles.body} like ${pattern}`)
    .all()
    .filter((row) => countEntityMentions({ doc: row.body, entityId }) > 0)
    .map((row) => row.id);
  const publishedRevisions = db
    .select({ revisionId: revisions.id, articleId: revisions.articleId, body: revisions.body })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(sql`${revisions.body} like ${pattern}`)
    .all()
    .filter((row) => countEntityMentions({ doc: row.body, entityId }) > 0)
    .map(({ revisionId, articleId }) => ({ revisionId, articleId }));
  const articleIds = [
    ...new Set([...taggedArticleIds, ...publishedTaggedArticleIds, ...workingCopyArticleIds, ...publishedRevisions.map((row) => row.articleId)]),
  ].sort((left, right) => left - right);
  return { taggedArticleIds, publishedTaggedArticleIds, workingCopyArticleIds, publishedRevisions, articleIds };
}
