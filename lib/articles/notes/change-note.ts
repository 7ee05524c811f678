import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleNotes } from '@/db/schema';
import { loadArticleFor } from '@/lib/articles/article-access';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { mayResolveEveryThread } from './may-resolve-every-thread';
import { noteChangeSchema } from './note-input-schema';

export type ChangeNoteResult = { ok: true; threadId: number; isChanged: boolean } | { ok: false; error: string };

/**
 * Resolves or reopens a thread (its author, the article's authors, editors and admins), or records
 * that its passage was edited away (`detach`) or found again (`attach`, with where it now is), as
 * the editor reports (anyone who may edit the article). A note id of a reply acts on its thread.
 * Repeating a change changes nothing and is not an error.
 */
export function changeNote({ articleId, noteId, actor, input }: { articleId: number; noteId: number; actor: StaffIdentity; input: unknown }): ChangeNoteResult {
  const parsed = noteChangeSchema.safeParse(input);
  const change = parsed.success ? parsed.data : null;
  const article = loadArticleFor({ id: articleId, actor, action: change?.action === 'detach' || change?.action === 'attach' ? 'article.edit' : 'article.view' });
  if (!change) return { ok: false, error: parsed.error?.issues[0]?.message ?? 'That change to the thread is not one the desk knows.' };

  const db = getDb();
  const note = Number.isInteger(noteId) && noteId > 0
    ? db.select().from(articleNotes).where(and(eq(articleNotes.id, noteId), eq(articleNotes.articleId, articleId))).get()
    : undefined;
  if (!note) throw new NotFoundError('That note does not exist, or it has been deleted.');
  const thread = note.parentId === null ? note : db.select().from(articleNotes).where(eq(articleNotes.id, note.parentId)).get()!;

  if (change.action === 'resolve' || change.action === 'reopen') {
    if (thread.authorId !== actor.id && !mayResolveEveryThread({ article, actor })) {
      throw new ForbiddenError('Only whoever started this thread, the article’s authors and editors can resolve or reopen it.');
    }
    const isResolving = change.action === 'resolve';
    if ((thread.resolvedAt !== null) === isResolving) return { ok: true, threadId: thread.id, isChanged: false };
    db.transaction((tx) => {
      tx.update(articleNotes)
        .set(isResolving ? { resolvedAt: new Date(), resolvedBy: actor.id } : { resolvedAt: null, resolvedBy: null })
        .where(eq(articleNotes.id, thread.id))
        .run();
      recordAudit(tx, {
        actorId: actor.id,
        action: isResolving ? 'note.resolve' : 'note.reopen',
        subjectType: 'article',
        subjectId: articleId,
        note: isResolving ? 'Resolved a note thread' : 'Reopened a note thread',
        data: { noteId: thread.id },
      });
    });
    return { ok: true, threadId: thread.id, isChanged: true };
  }

  if (thread.anchorText === null) return { ok: false, error: 'This thread is about the whole article, not a passage, so it cannot be detached or attached.' };
  const isDetaching = change.action === 'detach';
  const position = change.action === 'attach' && change.anchor && change.anchor.to > change.anchor.from ? change.anchor : null;
  if (thread.isDetached === isDetaching && !position) return { ok: true, threadId: thread.id, isChanged: false };
  db.update(articleNotes)
    .set({ isDetached: isDetaching, ...(position ? { anchorFrom: position.from, anchorTo: position.to } : {}) })
    .where(eq(articleNotes.id, thread.id))
    .run();
  return { ok: true, threadId: thread.id, isChanged: thread.isDetached !== isDetaching };
}
