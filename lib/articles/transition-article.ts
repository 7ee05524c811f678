import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { articleCorrections, articleEntities, articles, campaigns, revisions, CORRECTION_KINDS, type Article, type ArticleStatus, type RevisionReason } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can, ForbiddenError } from '@/lib/staff/auth/policy';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { addNoteInTransaction } from '@/lib/articles/notes/add-note';
import { editorIds, notifyStaff } from '@/lib/staff/notifications/notify-staff';
import { articleWebhookEvent, queueWebhookEvent } from '@/lib/api/webhooks/queue-webhook-event';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { formatInZone, wallTimeToInstant } from '@/lib/platform/time/zoned-time';
import { isOwnArticle, loadArticleFor } from './article-access';
import { articleOwnerIds, bylineContributorIds } from './article-owner-ids';
import { preflightArticle } from './preflight-article';
import { blockingFor, type PreflightProblem } from './preflight-checks';
import { clearPublishedSnapshot, writePublishedSnapshot } from './published-snapshot';
import { findTransition, WORKFLOW_ACTIONS, type Transition } from './workflow';

const NOTE_LIMIT = 4900;

export const transitionInputSchema = z.object({
  action: z.enum(WORKFLOW_ACTIONS, { error: 'Choose one of the workflow actions.' }),
  note: z.string().trim().max(NOTE_LIMIT, `Keep the note under ${NOTE_LIMIT} characters.`).optional().default(''),
  /** Wall-clock time in the site's time zone, `YYYY-MM-DDTHH:mm` (what a datetime-local field sends). */
  scheduledFor: z.string().trim().optional(),
  correction: z
    .object({
      kind: z.enum(CORRECTION_KINDS, { error: 'Choose correction, clarification or update.' }),
      note: z.string().trim().min(1, 'Write the public note readers will see.').max(2000, 'Keep the public note under 2,000 characters.'),
    })
    .nullish(),
});

export type TransitionResult =
  | { ok: true; status: ArticleStatus; scheduledFor: string | null }
  | { ok: false; error: string; problems?: PreflightProblem[]; fieldErrors?: Record<string, string> };

/**
 * Moves an article through the workflow: checks the caller against the transition table, checks what
 * the move needs (preflight, a note, a time, a lifted embargo), and makes the change, its revision,
 * audit entry and notifications in one transaction. Throws NotFound/Forbidden for articles the actor
 * may not see or move; returns a refusal with reasons for everything a person can fix.
 */
export function transitionArticle({ id, actor, input, now = new Date() }: { id: number; actor: StaffIdentity; input: unknown; now?: Date }): TransitionResult {
  const parsed = transitionInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'form'] ??= issue.message;
    return { ok: false, error: Object.values(fieldErrors)[0] ?? 'That request was not understood.', fieldErrors };
  }
  const request = parsed.data;
  const seen = loadArticleFor({ id, actor, action: 'article.view' });
  const isOwn = isOwnArticle({ article: seen, actor });

  const result = getDb().transaction(
    (tx): TransitionResult => {
      const article = tx.select().from(articles).where(eq(articles.id, id)).get()!;
      const transition = findTransition({ action: request.action, from: article.status });
      if (!transition) return { ok: false, error: `A ${statusLabel(article.status)} article cannot be moved that way; reload to see what can be done now.` };
      if (!canMove({ transition, actor, isOwn })) throw new ForbiddenError(`You may not ${transition.label.toLowerCase()} this article.`);

      if (transition.needs.includes('note') && !request.note) {
        return { ok: false, error: 'Say what needs to change: the note goes to the authors.', fieldErrors: { note: 'Write a note for the authors.' } };
      }
      let scheduledFor: Date | null = null;
      if (transition.needs.includes('time')) {
        const timeZone = getSiteSettings().timeZone;
        scheduledFor = request.scheduledFor ? wallTimeToInstant({ wallTime: request.scheduledFor, timeZone }) : null;
        if (!scheduledFor) return { ok: false, error: 'Give a date and time to publish at.', fieldErrors: { scheduledFor: 'Choose a date and time.' } };
        if (scheduledFor.getTime() <= now.getTime()) {
          return { ok: false, error: 'That time has passed; choose a time in the future, or publish now.', fieldErrors: { scheduledFor: 'Choose a time in the future.' } };
        }
        if (article.embargoedUntil && scheduledFor < article.embargoedUntil) {
          const until = formatInZone({ instant: article.embargoedUntil, timeZone });
          return { ok: false, error: `The article is embargoed until ${until}; schedule it for then or later.`, fieldErrors: { scheduledFor: `Not before ${until}.` } };
        }
      }
      if (transition.needs.includes('embargo_lifted') && article.embargoedUntil && article.embargoedUntil > now) {
        const until = formatInZone({ instant: article.embargoedUntil, timeZone: getSiteSettings().timeZone });
        return { ok: false, error: `The article is embargoed until ${until}. Schedule it for that time instead.` };
      }
      if (transition.needs.includes('preflight')) {
        const problems = blockingFor({ report: preflightArticle(article, tx), action: transition.action });
        if (problems.length > 0) {
          return { ok: false, error: `${transition.label}: not possible until these are fixed.`, problems };
        }
      }
      if (request.correction && transition.action !== 'update') return { ok: false, error: 'A public correction note goes only with an update of a published article.' };

      if (transition.action === 'request_changes') {
        // The request is also a note thread on the article, so the authors can answer it where they work.
        const filed = addNoteInTransaction(tx, { articleId: id, actor, body: `Changes requested: ${request.note}`, shouldNotifyFollowers: false });
        if (!filed.ok) return { ok: false, error: filed.error, fieldErrors: { note: filed.error } };
      }
      applyTransition(tx, { article, transition, actor, note: request.note, scheduledFor, correction: request.correction ?? null, now });
      const after = tx.select({ status: articles.status, scheduledFor: articles.scheduledFor }).from(articles).where(eq(articles.id, id)).get()!;
      return { ok: true, status: after.status, scheduledFor: after.scheduledFor?.toISOString() ?? null };
    },
    { behavior: 'immediate' },
  );
  const event = articleWebhookEvent(request.action);
  if (result.ok && event) queueWebhookEvent(event, { articleId: id, previousStatus: seen.status });
  return result;
}

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

function canMove({ transition, actor, isOwn }: { transition: Transition; actor: StaffIdentity; isOwn: boolean }): boolean {
  return can({ role: actor.role, action: transition.permission, isOwn });
}

/** Makes a move the caller has already checked. Also used by the worker for due publications (actor null). */
export function applyTransition(
  tx: Tx,
  {
    article,
    transition,
    actor,
    note,
    scheduledFor = null,
    correction = null,
    now,
  }: {
    article: Article;
    transition: Transition;
    actor: StaffIdentity | null;
    note: string;
    scheduledFor?: Date | null;
    correction?: { kind: (typeof CORRECTION_KINDS)[number]; note: string } | null;
    now: Date;
  },
): void {
  const isPublishing = transition.to === 'published';
  const changes: Partial<typeof articles.$inferInsert> = { status: transition.to, updatedAt: article.updatedAt };
  if (transition.action === 'schedule') changes.scheduledFor = scheduledFor;
  if (transition.action === 'unschedule') changes.scheduledFor = null;
  let revisionId: number | null = null;
  if (transition.action === 'submit' || isPublishing) {
    const reason: RevisionReason = transition.action === 'submit' ? 'submit' : correction ? 'correction' : 'publish';
    revisionId = snapshotRevision(tx, { article, reason, note: correction?.note ?? note, actorId: actor?.id ?? null, now });
  }
  if (isPublishing) {
    changes.publishedRevisionId = revisionId;
    changes.publishedAt = transition.action === 'update' && article.publishedAt ? article.publishedAt : now;
    changes.firstPublishedAt = article.firstPublishedAt ?? now;
    changes.modifiedAt = now;
    changes.scheduledFor = null;
    changes.unpublishedAt = null;
  }
  if (transition.action === 'unpublish') changes.unpublishedAt = now;
  tx.update(articles).set(changes).where(eq(articles.id, article.id)).run();
  if (isPublishing) writePublishedSnapshot(tx, article.id);
  if (isPublishing && article.firstPublishedAt === null) {
    // Followers of its entities hear of a new article once, on its first publication; the worker sends it.
    tx.insert(campaigns).values({ kind: 'alert', articleId: article.id, dedupeKey: `alert:article:${article.id}` }).onConflictDoNothing().run();
  }
  if (transition.action === 'unpublish') clearPublishedSnapshot(tx, article.id);
  if (correction && revisionId !== null) {
    tx.insert(articleCorrections).values({ articleId: article.id, revisionId, kind: correction.kind, note: correction.note, actorId: actor?.id ?? null, createdAt: now }).run();
  }

  recordAudit(tx, {
    actorId: actor?.id ?? null,
    action: `article.${transition.action}`,
    subjectType: 'article',
    subjectId: article.id,
    note: correction ? `${correction.kind}: ${correction.note}` : note,
    data: { from: article.status, to: transition.to, ...(scheduledFor ? { scheduledFor: scheduledFor.toISOString() } : {}), ...(revisionId ? { revisionId } : {}) },
  });
  announce(tx, { article, transition, actor, note });
}

/** Who hears of a move: editors of submissions; the authors of reviews and publication. */
function announce(tx: Tx, { article, transition, actor, note }: { article: Article; transition: Transition; actor: StaffIdentity | null; note: string }): void {
  const who = actor?.name ?? 'The scheduler';
  const title = article.title.trim() || 'Untitled';
  const base = { actorId: actor?.id ?? null, articleId: article.id };
  const ownerIds = articleOwnerIds(tx, article);
  if (transition.action === 'submit') {
    notifyStaff(tx, { ...base, userIds: editorIds(tx), kind: 'submitted', message: `${who} submitted "${title}" for review.` });
  } else if (transition.action === 'request_changes') {
    notifyStaff(tx, { ...base, userIds: ownerIds, kind: 'changes_requested', message: `${who} requested changes to "${title}".`, detail: `${who} requested changes to "${title}":\n\n${note}` });
  } else if (transition.action === 'approve') {
    notifyStaff(tx, { ...base, userIds: ownerIds, kind: 'approved', message: `${who} approved "${title}".` });
  } else if (transition.action === 'publish') {
    notifyStaff(tx, { ...base, userIds: ownerIds, kind: 'published', message: `"${title}" is published.` });
  }
}

/** An immutable copy of the working copy, with its tags, as it is submitted or published. */
function snapshotRevision(tx: Tx, { article, reason, note, actorId, now }: { article: Article; reason: RevisionReason; note: string; actorId: number | null; now: Date }): number {
  const tags = tx.select({ entityId: articleEntities.entityId }).from(articleEntities).where(eq(articleEntities.articleId, article.id)).all();
  const authors = bylineContributorIds(tx, article.id);
  return tx
    .insert(revisions)
    .values({
      articleId: article.id,
      version: article.version,
      slug: article.slug,
      title: article.title,
      dek: article.dek,
      body: article.body,
      bodyText: article.bodyText,
      wordCount: article.wordCount,
      meta: {
        sectionId: article.sectionId,
        issueId: article.issueId,
        authorContributorIds: authors,
        seoTitle: article.seoTitle,
        seoDescription: article.seoDescription,
        featuredMediaId: article.featuredMediaId,
        entityIds: tags.map((tag) => tag.entityId),
      },
      reason,
      note,
      authorId: actorId,
      createdAt: now,
      updatedAt: now.getTime(),
    })
    .returning({ id: revisions.id })
    .get().id;
}

const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'draft',
  in_review: 'in-review',
  changes_requested: 'changes-requested',
  approved: 'approved',
  scheduled: 'scheduled',
  published: 'published',
  unpublished: 'unpublished',
};

function statusLabel(status: ArticleStatus): string {
  return STATUS_LABELS[status];
}
