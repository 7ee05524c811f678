import 'server-only';
import { loadArticleFor } from '@/lib/articles/article-access';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import type { AuditPage } from './audit-entry-view';
import { readAuditPage } from './read-audit-page';

/**
 * One article's audit log, newest first. Whoever may view the article may read its log: editors
 * and admins, and its own authors, who should see who moved their piece and why.
 */
export function listArticleAuditEntries({
  actor,
  articleId,
  before = null,
  limit,
}: {
  actor: StaffIdentity;
  articleId: number;
  before?: number | null;
  limit?: number;
}): AuditPage & { articleTitle: string } {
  const article = loadArticleFor({ id: articleId, actor, action: 'article.view' });
  return { ...readAuditPage({ subjectType: 'article', subjectId: article.id, before, limit }), articleTitle: article.title };
}
