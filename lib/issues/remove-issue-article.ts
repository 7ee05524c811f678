import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import type { IssueWriteResult } from './issue-write-result';
import { loadIssue } from './load-issue';

/**
 * Takes an article out of the issue (it then belongs to none). Its published snapshot is left
 * alone, so a published article stays in the published contents until it is updated.
 */
export function removeIssueArticle({
  actor,
  issueId,
  articleId,
}: {
  actor: StaffIdentity;
  issueId: number;
  articleId: number;
}): IssueWriteResult<{ title: string; isStillListed: boolean }> {
  assertCan({ role: actor.role, action: 'issue.manage' });
  return getDb().transaction(
    (tx): IssueWriteResult<{ title: string; isStillListed: boolean }> => {
      const issue = loadIssue(tx, issueId);
      const article = Number.isInteger(articleId) ? tx.select().from(articles).where(eq(articles.id, articleId)).get() : undefined;
      if (!article) throw new NotFoundError('That article does not exist, or it has been deleted.');
      const title = article.title.trim() || 'Untitled';
      const isStillListed = article.status === 'published' && article.publishedIssueId === issueId;
      if (article.issueId !== issueId) return { ok: true, title, isStillListed };
      tx.update(articles).set({ issueId: null, issuePosition: 0 }).where(eq(articles.id, articleId)).run();
      recordAudit(tx, { actorId: actor.id, action: 'issue.remove_article', subjectType: 'issue', subjectId: issueId, note: `${title} ← ${issue.title}`, data: { articleId } });
      return { ok: true, title, isStillListed };
    },
    { behavior: 'immediate' },
  );
}
