import 'server-only';
import { and, eq, isNull, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import type { IssueWriteResult } from './issue-write-result';
import { loadIssue } from './load-issue';

/**
 * Puts an article that is in no issue into this one, last in its section. Adding one that is
 * already here changes nothing; one that belongs to another issue is refused (move it in the editor).
 */
export function addIssueArticle({ actor, issueId, articleId }: { actor: StaffIdentity; issueId: number; articleId: number }): IssueWriteResult<{ title: string }> {
  assertCan({ role: actor.role, action: 'issue.manage' });
  return getDb().transaction(
    (tx): IssueWriteResult<{ title: string }> => {
      const issue = loadIssue(tx, issueId);
      const article = Number.isInteger(articleId) ? tx.select().from(articles).where(eq(articles.id, articleId)).get() : undefined;
      if (!article) throw new NotFoundError('That article does not exist, or it has been deleted.');
      const title = article.title.trim() || 'Untitled';
      if (article.issueId === issueId) return { ok: true, title };
      if (article.issueId !== null) {
        const other = tx.select({ title: issues.title }).from(issues).where(eq(issues.id, article.issueId)).get();
        return { ok: false, error: `“${title}” is already in ${other?.title ?? 'another issue'}; remove it there first.` };
      }
      if (article.status === 'unpublished') return { ok: false, error: `“${title}” has been withdrawn; publish it again before adding it to an issue.` };
      const sameSection = article.sectionId === null ? isNull(articles.sectionId) : eq(articles.sectionId, article.sectionId);
      const last = tx.select({ value: max(articles.issuePosition) }).from(articles).where(and(eq(articles.issueId, issueId), sameSection)).get()?.value;
      // A new article takes the issue's default access; one already published or given a level keeps its own.
      const takesDefault = article.publishedRevisionId === null && article.access === 'public' && issue.defaultAccess !== null && issue.defaultAccess !== 'tiers';
      tx.update(articles)
        .set({ issueId, issuePosition: last === null || last === undefined ? 0 : last + 1, ...(takesDefault ? { access: issue.defaultAccess! } : {}) })
        .where(eq(articles.id, articleId))
        .run();
      recordAudit(tx, { actorId: actor.id, action: 'issue.add_article', subjectType: 'issue', subjectId: issueId, note: `${title} → ${issue.title}`, data: { articleId } });
      return { ok: true, title };
    },
    { behavior: 'immediate' },
  );
}
