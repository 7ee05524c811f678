import 'server-only';
import { and, asc, eq, gt, lte, min } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { queueWebhookEvent } from '@/lib/api/webhooks/queue-webhook-event';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { requestRevalidation } from '@/lib/platform/cache/request-revalidation';
import { editorIds, notifyStaff } from '@/lib/staff/notifications/notify-staff';
import { preflightArticle } from './preflight-article';
import { applyTransition } from './transition-article';
import { findTransition } from './workflow';

/**
 * The worker's step: publishes every scheduled article whose time has come (including any that fell
 * due while the server was down). Each article moves in its own immediate transaction that re-reads
 * its state, so two workers, or a rerun, publish it exactly once. Returns how many were published.
 */
export function publishDueArticles({ now = new Date() }: { now?: Date } = {}): number {
  const db = getDb();
  const due = db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.status, 'scheduled'), lte(articles.scheduledFor, now)))
    .orderBy(asc(articles.scheduledFor))
    .all();
  const publishedIds: number[] = [];
  for (const { id } of due) {
    const didPublish = db.transaction(
      (tx) => {
        const article = tx.select().from(articles).where(eq(articles.id, id)).get();
        if (!article || article.status !== 'scheduled' || !article.scheduledFor || article.scheduledFor > now) return false;
        const report = preflightArticle(article, tx);
        const isEmbargoed = article.embargoedUntil !== null && article.embargoedUntil > now;
        if (report.blocking.length > 0 || isEmbargoed) {
          // Something changed since it was scheduled: hold it back and tell the editors, rather than publish it broken.
          const reasons = isEmbargoed ? ['It is still under embargo.'] : report.blocking.map((problem) => problem.message);
          tx.update(articles).set({ status: 'approved', scheduledFor: null }).where(eq(articles.id, id)).run();
          recordAudit(tx, { actorId: null, action: 'article.schedule_failed', subjectType: 'article', subjectId: id, note: reasons.join(' ') });
          notifyStaff(tx, {
            userIds: editorIds(tx),
            kind: 'note',
            actorId: null,
            articleId: id,
            message: `"${article.title || 'Untitled'}" was not published at its scheduled time.`,
            detail: `"${article.title || 'Untitled'}" was not published at its scheduled time and is back to approved:\n\n${reasons.join('\n')}`,
          });
          return false;
        }
        applyTransition(tx, { article, transition: findTransition({ action: 'publish', from: 'scheduled' })!, actor: null, note: 'Published at its scheduled time', now });
        return true;
      },
      { behavior: 'immediate' },
    );
    if (didPublish) publishedIds.push(id);
  }
  // Outside any request, so the server is asked to expire the pages; it answers on its own time.
  if (publishedIds.length > 0) void requestRevalidation({ kind: 'article', articleIds: publishedIds });
  for (const id of publishedIds) queueWebhookEvent('post.published', { articleId: id, previousStatus: 'scheduled' });
  return publishedIds.length;
}

/**
 * When the next scheduled article falls due (milliseconds since 1970), or null when none is due later. One already
 * due and still scheduled (its publication failed) is left to the worker's regular passes, so it neither holds the
 * worker in a loop nor keeps it from waking for the next.
 */
export function nextScheduledPublicationAt({ now = new Date() }: { now?: Date } = {}): number | null {
  const next = getDb()
    .select({ at: min(articles.scheduledFor) })
    .from(articles)
    .where(and(eq(articles.status, 'scheduled'), gt(articles.scheduledFor, now)))
    .get()?.at;
  return next ? new Date(next).getTime() : null;
}
