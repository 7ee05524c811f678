import 'server-only';
import { isOwnArticle, loadArticleAccessFor, type ArticleAccessRow } from '@/lib/articles/article-access';
import { canEditInState, lockedReason } from '@/lib/articles/workflow';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { readStaffUser } from '@/lib/staff/auth/staff-user';
import { ForbiddenError } from '@/lib/staff/auth/policy';

/** The same checks as a save: the article exists for them, their role may edit it, and its workflow state is not locked to them. */
export function checkCollabWriter({ articleId, actor }: { articleId: number; actor: StaffIdentity }): ArticleAccessRow {
  const article = loadArticleAccessFor({ id: articleId, actor, action: 'article.edit' });
  if (!canEditInState({ status: article.status, role: actor.role, isOwn: isOwnArticle({ article, actor }) })) {
    throw new ForbiddenError(lockedReason(article.status));
  }
  return article;
}

/** The staff member as the database has them now: null once they are deactivated, so an open stream ends. */
export function currentCollabWriter(userId: number): StaffIdentity | null {
  const user = readStaffUser(userId);
  if (!user || !user.isActive) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
