import 'server-only';
import { and, asc, eq, isNull, ne, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, campaigns, issues } from '@/db/schema';
import { queueWebhookEvent } from '@/lib/api/webhooks/queue-webhook-event';
import { applyTransition } from '@/lib/articles/transition-article';
import { findTransition } from '@/lib/articles/workflow';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { assessIssueArticle } from './assess-issue-article';
import type { IssueBlocker } from './issue-blocker';

export type PublishIssueResult =
  | { ok: true; issueId: number; slug: string; articleIds: number[]; isEmailQueued: boolean }
  | { ok: false; error: string; blockers?: IssueBlocker[] };

/**
 * Publishes an issue and every approved or scheduled article in it at one moment, in one immediate
 * transaction: either all of it happens (articles, their snapshots, the issue, the issue email's
 * campaign, the audit) or none of it does. Refuses, naming each article and why, while any article
 * is not ready. Articles published earlier keep their text and dates; they are listed in this issue.
 * `isEmailWanted: false` publishes without the issue email.
 */
export function publishIssue({
  actor,
  id,
  isEmailWanted,
  now = new Date(),
}: {
  actor: StaffIdentity;
  id: number;
  isEmailWanted?: boolean;
  now?: Date;
}): PublishIssueResult {
  assertCan({ role: actor.role, action: 'issue.manage' });
  assertCan({ role: actor.role, action: 'article.publish' });
  const newlyPublished: { id: number; previousStatus: string }[] = [];
  const result = getDb().transaction(
    (tx): PublishIssueResult => {
      const issue = tx.select().from(issues).where(eq(issues.id, id)).get();
      if (!issue) throw new NotFoundError('That issue does not exist, or it has been deleted.');
      if (issue.status === 'published') return { ok: false, error: `${issue.title} is already published; reload to see it.` };

      const members = tx.select().from(articles).where(eq(articles.issueId, id)).orderBy(asc(articles.issuePosition), asc(articles.id)).all();
      if (members.length === 0) return { ok: false, error: `${issue.title} has no articles yet; add some before publishing it.` };
      const blockers: IssueBlocker[] = [];
      for (const article of members) {
        const assessment = assessIssueArticle(tx, { article, now });
        if (!assessment.isReady) blockers.push({ articleId: article.id, title: article.title.trim() || 'Untitled', reasons: assessment.reasons });
      }
      if (blockers.length > 0) {
        const names = blockers.map((blocker) => `“${blocker.title}”`).join(', ');
        const noun = blockers.length === 1 ? 'This article is' : 'These articles are';
        return { ok: false, error: `${issue.title} was not published. ${noun} not ready: ${names}.`, blockers };
      }

      const note = `Published with the issue ${issue.title}`;
      const changedIds: number[] = [];
      for (const article of members) {
        if (article.status === 'published') continue;
        applyTransition(tx, { article, transition: findTransition({ action: 'publish', from: article.status })!, actor, note, now });
        changedIds.push(article.id);
        newlyPublished.push({ id: article.id, previousStatus: article.status });
      }
      // Published before they joined the issue: their text stays as it is, and the issue lists them.
      const listed = tx
        .update(articles)
        .set({ publishedIssueId: id })
        .where(and(eq(articles.issueId, id), eq(articles.status, 'published'), or(isNull(articles.publishedIssueId), ne(articles.publishedIssueId, id))))
        .returning({ id: articles.id })
        .all();
      changedIds.push(...listed.map((row) => row.id));

      const wantsEmail = isEmailWanted ?? issue.isEmailWanted;
      tx.update(issues).set({ status: 'published', publishedAt: now, isEmailWanted: wantsEmail, updatedAt: now }).where(eq(issues.id, id)).run();
      if (wantsEmail) {
        tx.insert(campaigns).values({ kind: 'issue', issueId: id, dedupeKey: `issue:${id}`, createdBy: actor.id, createdAt: now }).onConflictDoNothing().run();
      }
      recordAudit(tx, {
        actorId: actor.id,
        action: 'issue.publish',
        subjectType: 'issue',
        subjectId: id,
        note: wantsEmail ? `${note}; the issue email is due.` : `${note}, without the issue email.`,
        data: { articleIds: changedIds, isEmailWanted: wantsEmail },
      });
      return { ok: true, issueId: id, slug: issue.slug, articleIds: changedIds, isEmailQueued: wantsEmail };
    },
    { behavior: 'immediate' },
  );
  if (result.ok) {
    for (const article of newlyPublished) queueWebhookEvent('post.published', { articleId: article.id, previousStatus: article.previousStatus });
    queueWebhookEvent('issue.published', { issueId: id });
  }
  return result;
}
