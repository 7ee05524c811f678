import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articles, contributors, type Article } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can, ForbiddenError, type Action } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

/** Whether the staff member wrote (is in the byline of) or started this article. */
export function isOwnArticle({ article, actor }: { article: Pick<Article, 'id' | 'createdBy'>; actor: StaffIdentity }): boolean {
  if (article.createdBy === actor.id) return true;
  const byline = getDb()
    .select({ id: articleAuthors.articleId })
    .from(articleAuthors)
    .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
    .where(and(eq(articleAuthors.articleId, article.id), eq(contributors.userId, actor.id)))
    .get();
  return Boolean(byline);
}

/**
 * Loads an article for an action, or throws: NotFound when it does not exist, and also when the
 * actor may not even see it (so ids of others' drafts reveal nothing); Forbidden when they may see
 * it but not do this.
 */
export function loadArticleFor({ id, actor, action }: { id: number; actor: StaffIdentity; action: Action }): Article {
  const article = Number.isInteger(id) && id > 0 ? getDb().select().from(articles).where(eq(articles.id, id)).get() : undefined;
  if (!article) throw new NotFoundError('That article does not exist, or it has been deleted.');
  const isOwn = isOwnArticle({ article, actor });
  if (!can({ role: actor.role, action: 'article.view', isOwn })) throw new NotFoundError('That article does not exist, or it has been deleted.');
  if (!can({ role: actor.role, action, isOwn })) throw new ForbiddenError();
  return article;
}
