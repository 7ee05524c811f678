import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { articleAuthors, articles, contributors, type Article } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can, ForbiddenError, type Action } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

/** Whether the staff member wrote (is in the byline of) or started this article. */
export function isOwnArticle({ article, actor }: { article: Pick<Article, 'id' | 'createdBy'>; actor: StaffIdentity }): boolean {
  if (article.createdBy === actor.id) return true;
  // Asked on every check of who may act on an article (each live-editing update and streamed change): prepared once.
  const query = preparedQuery('article-byline-has-user', (db) =>
    db
      .select({ id: articleAuthors.articleId })
      .from(articleAuthors)
      .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
      .where(and(eq(articleAuthors.articleId, sql.placeholder('articleId')), eq(contributors.userId, sql.placeholder('userId'))))
      .prepare(),
  );
  return Boolean(query.get({ articleId: article.id, userId: actor.id }));
}

/**
 * Loads an article for an action, or throws: NotFound when it does not exist, and also when the
 * actor may not even see it (so ids of others' drafts reveal nothing); Forbidden when they may see
 * it but not do this.
 */
export function loadArticleFor({ id, actor, action }: { id: number; actor: StaffIdentity; action: Action }): Article {
  const article = Number.isInteger(id) && id > 0 ? getDb().select().from(articles).where(eq(articles.id, id)).get() : undefined;
  return checkArticleAccess({ article, actor, action });
}

/** What deciding who may act on an article needs: no text, so a check made per request or per streamed change stays cheap. */
export type ArticleAccessRow = Pick<Article, 'id' | 'status' | 'createdBy'>;

/** As `loadArticleFor`, reading only the columns the decision needs. */
export function loadArticleAccessFor({ id, actor, action }: { id: number; actor: StaffIdentity; action: Action }): ArticleAccessRow {
  const query = preparedQuery('article-access-row', (db) =>
    db.select({ id: articles.id, status: articles.status, createdBy: articles.createdBy }).from(articles).where(eq(articles.id, sql.placeholder('id'))).prepare(),
  );
  const article = Number.isInteger(id) && id > 0 ? query.get({ id }) : undefined;
  return checkArticleAccess({ article, actor, action });
}

function checkArticleAccess<Row extends ArticleAccessRow>({ article, actor, action }: { article: Row | undefined; actor: StaffIdentity; action: Action }): Row {
  if (!article) throw new NotFoundError('That article does not exist, or it has been deleted.');
  const isOwn = isOwnArticle({ article, actor });
  if (!can({ role: actor.role, action: 'article.view', isOwn })) throw new NotFoundError('That article does not exist, or it has been deleted.');
  if (!can({ role: actor.role, action, isOwn })) throw new ForbiddenError();
  return article;
}
