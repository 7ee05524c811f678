import 'server-only';
import type { Article } from '@/db/schema';
import { isOwnArticle } from '@/lib/articles/article-access';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can } from '@/lib/staff/auth/policy';

/** Editors and the article's own authors may resolve or reopen any thread on it; others only threads they started. */
export function mayResolveEveryThread({ article, actor }: { article: Pick<Article, 'id' | 'createdBy'>; actor: StaffIdentity }): boolean {
  return can({ role: actor.role, action: 'article.review' }) || isOwnArticle({ article, actor });
}
