import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleNotes, auditLog, notifications, outbox, users } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { addNote, addNoteInTransaction } from '@/lib/articles/notes/add-note';
import { changeNote } from '@/lib/articles/notes/change-note';
import { listNoteThreads } from '@/lib/articles/notes/list-note-threads';
import { mentionToken } from '@/lib/articles/notes/mention-token';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

type Staff = Awaited<ReturnType<typeof createTestStaff>>;

function draftBy(author: Staff, title = 'Treaty at 50') {
  return createTestArticle({ title, status: 'draft', createdBy: author.id, authorContributorIds: [author.contributorId], text: 'The treaty entered into force in 1970.' });
}

function inboxOf(userId: number) {
  return getDb().select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.id).all();
}

function mailTo(email: string) {
  return getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all();
}

function noteCount(): number {
  return getDb().select().from(articleNotes).all().length;
}

describe('note threads', () => {
  it('start on a passage and list with the author’s name, the passage and an open, attached state', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = draftBy(author);
    const result = addNote({ articleId: article.id, actor: author, input: { body: 'Check the year.', anchor: { text: 'entered into force', from: 12, to: 30 } } });
    expect(result).toMatchObject({ ok: true });
    const threads = listNoteThreads({ articleId: article.id, actor: author });
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({
      author: { id: author.id, name: author.name },
      body: 'Check the year.',
      parts: [{ kind: 'text', text: 'Check the year.' }],
      anchor: { text: 'entered into force', from: 12, to: 30 },
      isDetached: false,
      resolvedAt: null,
      canResolve: true,
      replies: [],
    });
  });

  it('tell the article’s author of an editor’s note, in the inbox and by email, and not the editor', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = draftBy(author, 'Treaty at 50');
    const result = addNote({ articleId: article.id, actor: editor, input: { body: 'Needs a source for 1970.' } });
    expect(result.ok).toBe(true);
    const inbox = inboxOf(author.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: 'note', articleId: article.id, actorId: editor.id, message: `${editor.name} added a note on “Treaty at 50”.` });
    expect(mailTo(author.email)).toHaveLength(1);
    expect(mailTo(author.email)[0]!.text).toContain('Needs a source for 1970.');
    expect(inboxOf(editor.id)).toEqual([]);
  });

  it('attach a reply to a reply to the thread it belongs to, ignore a reply’s passage, and tell earlier participants', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const otherEditor = await createTestStaff({ role: 'editor' });
    const article = draftBy(author);
    const root = addNote({ articleId: article.id, actor: editor, input: { body: 'Is 1970 right?' } });
    if (!root.ok) throw new Error(root.error);
    const reply = addNote({ articleId: article.id, actor: author, input: { body: 'Yes, March 1970.', parentId: root.noteId } });
    if (!reply.ok) throw new Error(reply.error);
    const replyToReply = addNote({
      articleId: article.id,
      actor: otherEditor,
      input: { body: 'Agreed.', parentId: reply.noteId, anchor: { text: 'treaty', from: 5, to: 11 } },
    });
    expect(replyToReply).toMatchObject({ ok: true, threadId: root.noteId });

    const [thread] = listNoteThreads({ articleId: article.id, actor: editor });
    expect(thread!.replies.map((note) => note.body)).toEqual(['Yes, March 1970.', 'Agreed.']);
    const stored = getDb().select().from(articleNotes).where(eq(articleNotes.body, 'Agreed.')).get()!;
    expect(stored).toMatchObject({ parentId: root.noteId, anchorText: null, anchorFrom: null });
    expect(inboxOf(editor.id).map((row) => row.message)).toEqual([`${author.name} replied to a note on “Treaty at 50”.`, `${otherEditor.name} replied to a note on “Treaty at 50”.`]);
    expect(inboxOf(author.id).map((row) => row.kind)).toEqual(['note', 'note']);
  });

  it('refuse a reply to a note of another article, writing nothing', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const one = draftBy(author);
    const other = draftBy(author, 'Another piece');
    const root = addNote({ articleId: other.id, actor: editor, input: { body: 'Elsewhere.' } });
    if (!root.ok) throw new Error(root.error);
    expect(addNote({ articleId: one.id, actor: editor, input: { body: 'Reply', parentId: root.noteId } })).toEqual({
      ok: false,
      error: 'The note you are replying to no longer exists; reload the notes.',
    });
    expect(noteCount()).toBe(1);
  });

  it('take 1 to 5,000 characters of plain text and keep markup as the characters typed', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft' });
    expect(addNote({ articleId: article.id, actor: editor, input: { body: '   \n ' } })).toMatchObject({ ok: false, error: 'Write the note before sending it.', fieldErrors: { body: 'Write the note before sending it.' } });
    expect(addNote({ articleId: article.id, actor: editor, input: { body: 'x'.repeat(5001) } })).toMatchObject({ ok: false, error: expect.stringContaining('under 5,000 characters') });
    expect(addNote({ articleId: article.id, actor: editor, input: { body: 42 } })).toMatchObject({ ok: false });
    expect(addNote({ articleId: article.id, actor: editor, input: { body: 'Fine', anchor: { text: 'x', from: 9, to: 3 } } })).toMatchObject({ ok: false, error: 'Select a passage to comment on.' });
    expect(noteCount()).toBe(0);

    expect(addNote({ articleId: article.id, actor: editor, input: { body: 'x'.repeat(5000) } }).ok).toBe(true);
    expect(addNote({ articleId: article.id, actor: editor, input: { body: '<b>Bold</b> <script>alert(1)</script>\r\nnext' } }).ok).toBe(true);
    const [latest] = listNoteThreads({ articleId: article.id, actor: editor });
    expect(latest!.body).toBe('<b>Bold</b> <script>alert(1)</script>\nnext');
    expect(latest!.parts).toEqual([{ kind: 'text', text: '<b>Bold</b> <script>alert(1)</script>\nnext' }]);
  });

  it('are hidden from an author of another article, and from everyone on an article that does not exist', async () => {
    const author = await createTestStaff({ role: 'author' });
    const stranger = await createTestStaff({ role: 'author' });
    const article = draftBy(author);
    addNote({ articleId: article.id, actor: author, input: { body: 'Private draft thoughts.' } });
    expect(() => listNoteThreads({ articleId: article.id, actor: stranger })).toThrow(NotFoundError);
    expect(() => addNote({ articleId: article.id, actor: stranger, input: { body: 'Hello' } })).toThrow(NotFoundError);
    expect(() => listNoteThreads({ articleId: 9999, actor: author })).toThrow(NotFoundError);
    expect(noteCount()).toBe(1);
  });
});

describe('mentions in notes', () => {
  it('turn a picked token and a typed full name into tokens with current names, and tell those people once, as a mention', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const admin = await createTestStaff({ role: 'admin' });
    const article = draftBy(author);
    const body = `${mentionToken({ id: admin.id, name: 'Someone Else' })} and @${editor.name.toUpperCase()}, please look. Also @Nobody Here.`;
    const result = addNote({ articleId: article.id, actor: author, input: { body } });
    if (!result.ok) throw new Error(result.error);

    const stored = getDb().select().from(articleNotes).where(eq(articleNotes.id, result.noteId)).get()!;
    expect(stored.body).toBe(`${mentionToken(admin)} and ${mentionToken(editor)}, please look. Also @Nobody Here.`);
    const [thread] = listNoteThreads({ articleId: article.id, actor: author });
    expect(thread!.parts).toEqual([
      { kind: 'mention', userId: admin.id, name: admin.name },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', userId: editor.id, name: editor.name },
      { kind: 'text', text: ', please look. Also @Nobody Here.' },
    ]);
    for (const person of [admin, editor]) {
      expect(inboxOf(person.id)).toEqual([expect.objectContaining({ kind: 'mention', noteId: result.noteId, message: `${author.name} mentioned you in a note on “Treaty at 50”.` })]);
      expect(mailTo(person.email)).toHaveLength(1);
      expect(mailTo(person.email)[0]!.text).toContain(`@${editor.name}, please look.`);
    }
  });

  it('tell a mentioned author of the article once, as a mention rather than a note', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = draftBy(author);
    const result = addNote({ articleId: article.id, actor: editor, input: { body: `@${author.name} see the date.` } });
    expect(result.ok).toBe(true);
    expect(inboxOf(author.id).map((row) => row.kind)).toEqual(['mention']);
    expect(mailTo(author.email)).toHaveLength(1);
  });

  it('refuse to mention an author who cannot open the article, writing and sending nothing', async () => {
    const author = await createTestStaff({ role: 'author' });
    const otherAuthor = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = draftBy(author);
    const result = addNote({ articleId: article.id, actor: editor, input: { body: `Can ${mentionToken(otherAuthor)} help?` } });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^${otherAuthor.name} cannot open this article`)) });
    expect(noteCount()).toBe(0);
    expect(getDb().select().from(notifications).all()).toEqual([]);
    expect(getDb().select().from(outbox).all()).toEqual([]);
  });

  it('leave a token of a deactivated account as plain text and tell nobody of it', async () => {
    const author = await createTestStaff({ role: 'author' });
    const former = await createTestStaff({ role: 'editor' });
    getDb().update(users).set({ isActive: false }).where(eq(users.id, former.id)).run();
    const article = draftBy(author);
    const result = addNote({ articleId: article.id, actor: author, input: { body: `Ask ${mentionToken(former)}.` } });
    if (!result.ok) throw new Error(result.error);
    expect(getDb().select().from(articleNotes).where(eq(articleNotes.id, result.noteId)).get()!.body).toBe(`Ask @${former.name}.`);
    expect(inboxOf(former.id)).toEqual([]);
  });
});

describe('resolving and reopening threads', () => {
  it('lets the article’s author resolve an editor’s thread once, with one audit entry, and an editor reopen it', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const otherEditor = await createTestStaff({ role: 'editor' });
    const article = draftBy(author);
    const note = addNote({ articleId: article.id, actor: editor, input: { body: 'Fix the date.' } });
    if (!note.ok) throw new Error(note.error);

    expect(changeNote({ articleId: article.id, noteId: note.noteId, actor: author, input: { action: 'resolve' } })).toEqual({ ok: true, threadId: note.noteId, isChanged: true });
    expect(changeNote({ articleId: article.id, noteId: note.noteId, actor: author, input: { action: 'resolve' } })).toEqual({ ok: true, threadId: note.noteId, isChanged: false });
    const [resolved] = listNoteThreads({ articleId: article.id, actor: editor });
    expect(resolved).toMatchObject({ resolvedBy: { id: author.id, name: author.name } });
    expect(resolved!.resolvedAt).not.toBeNull();

    expect(changeNote({ articleId: article.id, noteId: note.noteId, actor: otherEditor, input: { action: 'reopen' } })).toMatchObject({ ok: true, isChanged: true });
    expect(listNoteThreads({ articleId: article.id, actor: editor })[0]).toMatchObject({ resolvedAt: null, resolvedBy: null });

    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.subjectType, 'article'), eq(auditLog.subjectId, article.id))).orderBy(auditLog.id).all();
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.data])).toEqual([
      ['note.resolve', author.id, { noteId: note.noteId }],
      ['note.reopen', otherEditor.id, { noteId: note.noteId }],
    ]);
  });

  it('resolves the whole thread when asked through one of its replies', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = draftBy(author);
    const root = addNote({ articleId: article.id, actor: editor, input: { body: 'Question' } });
    if (!root.ok) throw new Error(root.error);
    const reply = addNote({ articleId: article.id, actor: author, input: { body: 'Answer', parentId: root.noteId } });
    if (!reply.ok) throw new Error(reply.error);
    expect(changeNote({ articleId: article.id, noteId: reply.noteId, actor: editor, input: { action: 'resolve' } })).toMatchObject({ ok: true, threadId: root.noteId });
    expect(getDb().select().from(articleNotes).where(eq(articleNotes.id, root.noteId)).get()!.resolvedBy).toBe(editor.id);
  });

  it('is out of reach of an author of another article, and of a note id from another article', async () => {
    const author = await createTestStaff({ role: 'author' });
    const stranger = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = draftBy(author);
    const elsewhere = createTestArticle({ status: 'draft' });
    const note = addNote({ articleId: article.id, actor: editor, input: { body: 'Question' } });
    if (!note.ok) throw new Error(note.error);
    expect(() => changeNote({ articleId: article.id, noteId: note.noteId, actor: stranger, input: { action: 'resolve' } })).toThrow(NotFoundError);
    expect(() => changeNote({ articleId: elsewhere.id, noteId: note.noteId, actor: editor, input: { action: 'resolve' } })).toThrow(NotFoundError);
    expect(() => changeNote({ articleId: article.id, noteId: 12345, actor: editor, input: { action: 'resolve' } })).toThrow(NotFoundError);
    expect(getDb().select().from(articleNotes).where(eq(articleNotes.id, note.noteId)).get()!.resolvedAt).toBeNull();
  });

  it('refuses an unknown change in a sentence', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft' });
    const note = addNote({ articleId: article.id, actor: editor, input: { body: 'Question' } });
    if (!note.ok) throw new Error(note.error);
    expect(changeNote({ articleId: article.id, noteId: note.noteId, actor: editor, input: { action: 'delete' } })).toEqual({
      ok: false,
      error: 'Say what to do with the thread: resolve, reopen, detach or attach.',
    });
  });
});

describe('detached passages', () => {
  it('are marked when the editor reports the passage gone, and cleared with its new place when it is found again', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = draftBy(author);
    const note = addNote({ articleId: article.id, actor: author, input: { body: 'Source?', anchor: { text: '1970', from: 33, to: 37 } } });
    if (!note.ok) throw new Error(note.error);
    expect(changeNote({ articleId: article.id, noteId: note.noteId, actor: author, input: { action: 'detach' } })).toMatchObject({ ok: true, isChanged: true });
    expect(listNoteThreads({ articleId: article.id, actor: author })[0]).toMatchObject({ isDetached: true, anchor: { text: '1970', from: 33, to: 37 } });
    expect(changeNote({ articleId: article.id, noteId: note.noteId, actor: author, input: { action: 'detach' } })).toMatchObject({ ok: true, isChanged: false });
    expect(changeNote({ articleId: article.id, noteId: note.noteId, actor: author, input: { action: 'attach', anchor: { from: 40, to: 44 } } })).toMatchObject({ ok: true, isChanged: true });
    expect(listNoteThreads({ articleId: article.id, actor: author })[0]).toMatchObject({ isDetached: false, anchor: { text: '1970', from: 40, to: 44 } });
  });

  it('do not apply to a note on the whole article', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft' });
    const note = addNote({ articleId: article.id, actor: editor, input: { body: 'General remark' } });
    if (!note.ok) throw new Error(note.error);
    expect(changeNote({ articleId: article.id, noteId: note.noteId, actor: editor, input: { action: 'detach' } })).toMatchObject({ ok: false, error: expect.stringContaining('whole article') });
    expect(getDb().select().from(articleNotes).where(eq(articleNotes.id, note.noteId)).get()!.isDetached).toBe(false);
  });
});

describe('adding a note inside another change', () => {
  it('writes the thread and its notifications with the caller’s transaction, and nothing when it rolls back', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = draftBy(author);
    expect(() =>
      getDb().transaction((tx) => {
        const result = addNoteInTransaction(tx, { articleId: article.id, actor: editor, body: 'Please cut the second half.' });
        expect(result.ok).toBe(true);
        throw new Error('the state change failed');
      }),
    ).toThrow('the state change failed');
    expect(noteCount()).toBe(0);
    expect(inboxOf(author.id)).toEqual([]);
    expect(mailTo(author.email)).toEqual([]);

    const result = getDb().transaction((tx) =>
      addNoteInTransaction(tx, { articleId: article.id, actor: editor, body: 'Please cut the second half.', anchor: { text: 'treaty', from: 5, to: 11 } }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(listNoteThreads({ articleId: article.id, actor: author })[0]).toMatchObject({ body: 'Please cut the second half.', anchor: { text: 'treaty' } });
    expect(inboxOf(author.id)).toHaveLength(1);
  });

  it('leaves telling the authors to the caller when asked, still sending mentions', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const admin = await createTestStaff({ role: 'admin' });
    const article = draftBy(author);
    const result = getDb().transaction((tx) =>
      addNoteInTransaction(tx, { articleId: article.id, actor: editor, body: `Cut it, says ${mentionToken(admin)}.`, shouldNotifyFollowers: false }),
    );
    expect(result.ok).toBe(true);
    expect(inboxOf(author.id)).toEqual([]);
    expect(inboxOf(admin.id).map((row) => row.kind)).toEqual(['mention']);
  });

  it('refuses an empty note without writing', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft' });
    const result = getDb().transaction((tx) => addNoteInTransaction(tx, { articleId: article.id, actor: editor, body: '  ' }));
    expect(result).toMatchObject({ ok: false, error: 'Write the note before sending it.' });
    expect(noteCount()).toBe(0);
  });
});
