import 'server-only';
import { and, eq, isNotNull, or } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articleAuthors, articleNotes, contributors, users, type Article } from '@/db/schema';
import { isOwnArticle, loadArticleFor } from '@/lib/articles/article-access';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can } from '@/lib/staff/auth/policy';
import { notifyStaff } from '@/lib/staff/notifications/notify-staff';
import { newNoteSchema } from './note-input-schema';
import { noteBodyToText } from './note-body-to-text';
import { resolveMentions } from './resolve-mentions';

export type AddNoteResult =
  | { ok: true; noteId: number; threadId: number }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export type NoteAnchorInput = { text: string; from: number; to: number };

type Writer = Pick<Db, 'insert' | 'select'>;

/**
 * Adds a note (a new thread, or a reply when `parentId` is given) for anyone who may see the
 * article, and tells the article's authors, earlier participants and everyone it mentions.
 * Throws NotFound when the article does not exist or is not visible to the actor.
 */
export function addNote({ articleId, actor, input }: { articleId: number; actor: StaffIdentity; input: unknown }): AddNoteResult {
  loadArticleFor({ id: articleId, actor, action: 'article.view' });
  const parsed = newNoteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const { body, anchor, parentId } = parsed.data;
  return getDb().transaction((tx) => addNoteInTransaction(tx, { articleId, actor, body, anchor, parentId }));
}

/**
 * The same, inside the caller's transaction (e.g. "request changes" files its note as a thread
 * in the transaction that changes the article's state). Checks that the actor may see the
 * article (throws NotFound otherwise); returns a refusal, having written nothing, when the text
 * is empty or too long, the parent note is not on this article, or a mentioned person cannot
 * open the article. A reply's anchor is ignored: replies belong to their thread's passage.
 */
export function addNoteInTransaction(
  tx: Writer,
  {
    articleId,
    actor,
    body,
    anchor = null,
    parentId = null,
    shouldNotifyFollowers = true,
  }: {
    articleId: number;
    actor: StaffIdentity;
    body: string;
    anchor?: NoteAnchorInput | null;
    parentId?: number | null;
    /** False when the caller tells the article's authors itself (e.g. "changes requested"); mentions are still sent. */
    shouldNotifyFollowers?: boolean;
  },
): AddNoteResult {
  const article = loadArticleFor({ id: articleId, actor, action: 'article.view' });
  const parsed = newNoteSchema.safeParse({ body, anchor, parentId });
  if (!parsed.success) return invalid(parsed.error.issues);
  const input = parsed.data;

  let threadId: number | null = null;
  if (input.parentId) {
    const parent = tx
      .select({ id: articleNotes.id, parentId: articleNotes.parentId })
      .from(articleNotes)
      .where(and(eq(articleNotes.id, input.parentId), eq(articleNotes.articleId, articleId)))
      .get();
    if (!parent) return { ok: false, error: 'The note you are replying to no longer exists; reload the notes.' };
    threadId = parent.parentId ?? parent.id;
  }

  const staff = tx.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.isActive, true)).all();
  const mentions = resolveMentions({ body: input.body, staff });
  const unreachable = staff.filter((member) => mentions.mentionedIds.includes(member.id) && !canSeeArticle({ article, person: member }));
  if (unreachable.length > 0) {
    const names = unreachable.map((member) => member.name).join(', ');
    const error = `${names} cannot open this article, so a mention here would not reach them; mention an editor, or add them to the byline first.`;
    return { ok: false, error, fieldErrors: { body: error } };
  }

  const earlierParticipants = noteAuthorIds(tx, { articleId, threadId });
  const anchorInput = threadId === null ? input.anchor : null;
  const note = tx
    .insert(articleNotes)
    .values({
      articleId,
      parentId: threadId,
      authorId: actor.id,
      body: mentions.body,
      anchorText: anchorInput?.text ?? null,
      anchorFrom: anchorInput?.from ?? null,
      anchorTo: anchorInput?.to ?? null,
    })
    .returning({ id: articleNotes.id })
    .get();

  const title = article.title.trim() || 'Untitled article';
  const passage = threadId === null ? anchorInput?.text : threadAnchorText(tx, threadId);
  const detail = [
    passage ? `On the passage: “${truncate(passage, 300)}”` : null,
    `${actor.name} wrote:\n${noteBodyToText(mentions.body)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  notifyStaff(tx, {
    userIds: mentions.mentionedIds,
    kind: 'mention',
    actorId: actor.id,
    articleId,
    noteId: note.id,
    message: `${actor.name} mentioned you in a note on “${title}”.`,
    detail,
  });
  const following = (shouldNotifyFollowers ? [...bylineUserIds(tx, article), ...earlierParticipants] : []).filter((id) => !mentions.mentionedIds.includes(id));
  const followingStaff = staff.filter((member) => following.includes(member.id) && canSeeArticle({ article, person: member }));
  notifyStaff(tx, {
    userIds: followingStaff.map((member) => member.id),
    kind: 'note',
    actorId: actor.id,
    articleId,
    noteId: note.id,
    message: threadId === null ? `${actor.name} added a note on “${title}”.` : `${actor.name} replied to a note on “${title}”.`,
    detail,
  });
  return { ok: true, noteId: note.id, threadId: threadId ?? note.id };
}

function invalid(issues: { path: PropertyKey[]; message: string }[]): AddNoteResult {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, error: Object.values(fieldErrors)[0] ?? 'The note could not be added.', fieldErrors };
}

function canSeeArticle({ article, person }: { article: Article; person: StaffIdentity }): boolean {
  return can({ role: person.role, action: 'article.view', isOwn: isOwnArticle({ article, actor: person }) });
}

/** Who wrote in this thread (or, for a new thread, anywhere on the article) before now. */
function noteAuthorIds(tx: Writer, { articleId, threadId }: { articleId: number; threadId: number | null }): number[] {
  const scope = threadId === null ? undefined : or(eq(articleNotes.id, threadId), eq(articleNotes.parentId, threadId));
  const rows = tx
    .select({ id: articleNotes.authorId })
    .from(articleNotes)
    .where(and(eq(articleNotes.articleId, articleId), isNotNull(articleNotes.authorId), scope))
    .all();
  return [...new Set(rows.map((row) => row.id!))];
}

/** Staff in the byline, and whoever started the article. */
function bylineUserIds(tx: Writer, article: Article): number[] {
  const byline = tx
    .select({ id: contributors.userId })
    .from(articleAuthors)
    .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
    .where(and(eq(articleAuthors.articleId, article.id), isNotNull(contributors.userId)))
    .all()
    .map((row) => row.id!);
  return article.createdBy === null ? byline : [...byline, article.createdBy];
}

function threadAnchorText(tx: Writer, threadId: number): string | null {
  return tx.select({ text: articleNotes.anchorText }).from(articleNotes).where(eq(articleNotes.id, threadId)).get()?.text ?? null;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
