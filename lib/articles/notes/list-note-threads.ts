import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { articleNotes, users } from '@/db/schema';
import { loadArticleFor } from '@/lib/articles/article-access';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { mayResolveEveryThread } from './may-resolve-every-thread';
import { splitNoteBody, type NoteBodyPart } from './split-note-body';

export type NotePerson = { id: number; name: string };

export type NoteReply = {
  id: number;
  /** Null when the account that wrote it was deleted. */
  author: NotePerson | null;
  body: string;
  parts: NoteBodyPart[];
  createdAt: string;
};

export type NoteThread = NoteReply & {
  /** The passage the thread is about, or null for a note on the whole article. */
  anchor: { text: string; from: number | null; to: number | null } | null;
  isDetached: boolean;
  resolvedAt: string | null;
  resolvedBy: NotePerson | null;
  /** Whether the one asking may resolve or reopen it. */
  canResolve: boolean;
  replies: NoteReply[];
};

/** Every thread on an article, newest first, each with its replies in order; for anyone who may see the article. */
export function listNoteThreads({ articleId, actor }: { articleId: number; actor: StaffIdentity }): NoteThread[] {
  const article = loadArticleFor({ id: articleId, actor, action: 'article.view' });
  const author = alias(users, 'note_author');
  const resolver = alias(users, 'note_resolver');
  const rows = getDb()
    .select({ note: articleNotes, authorName: author.name, resolverName: resolver.name })
    .from(articleNotes)
    .leftJoin(author, eq(author.id, articleNotes.authorId))
    .leftJoin(resolver, eq(resolver.id, articleNotes.resolvedBy))
    .where(eq(articleNotes.articleId, articleId))
    .orderBy(asc(articleNotes.id))
    .all();
  const mayResolveAny = mayResolveEveryThread({ article, actor });
  const threads = new Map<number, NoteThread>();
  for (const { note, authorName, resolverName } of rows) {
    const view: NoteReply = {
      id: note.id,
      author: note.authorId !== null && authorName !== null ? { id: note.authorId, name: authorName } : null,
      body: note.body,
      parts: splitNoteBody(note.body),
      createdAt: note.createdAt.toISOString(),
    };
    if (note.parentId === null) {
      threads.set(note.id, {
        ...view,
        anchor: note.anchorText ? { text: note.anchorText, from: note.anchorFrom, to: note.anchorTo } : null,
        isDetached: note.isDetached,
        resolvedAt: note.resolvedAt?.toISOString() ?? null,
        resolvedBy: note.resolvedBy !== null && resolverName !== null ? { id: note.resolvedBy, name: resolverName } : null,
        canResolve: mayResolveAny || note.authorId === actor.id,
        replies: [],
      });
    } else {
      threads.get(note.parentId)?.replies.push(view);
    }
  }
  return [...threads.values()].reverse();
}
