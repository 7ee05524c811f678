import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { getWorkflowState } from '@/lib/articles/get-workflow-state';
import { transitionArticle } from '@/lib/articles/transition-article';
import { addNote } from '@/lib/articles/notes/add-note';
import { changeNote } from '@/lib/articles/notes/change-note';
import { createReadyArticle } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function statusOf(id: number): string {
  return getDb().select({ status: articles.status }).from(articles).where(eq(articles.id, id)).get()!.status;
}

async function articleInReviewWithNote(body: string) {
  const author = await createTestStaff({ role: 'author' });
  const editor = await createTestStaff({ role: 'editor' });
  const article = createReadyArticle({ owner: author, status: 'in_review' });
  const note = addNote({ articleId: article.id, actor: editor, input: { body } });
  if (!note.ok) throw new Error(note.error);
  return { author, editor, article, noteId: note.threadId };
}

describe('open editorial notes and publication', () => {
  it('refuses approval while a note is open, naming the note, and leaves the article in review', async () => {
    const { editor, article } = await articleInReviewWithNote('Which inspections: on-site, or the monitoring stations?');

    const result = transitionArticle({ id: article.id, actor: editor, input: { action: 'approve' } });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems?.map((problem) => problem.message)).toEqual([
      `Resolve the open note by ${editor.name}: “Which inspections: on-site, or the monitoring stations?”`,
    ]);
    expect(statusOf(article.id)).toBe('in_review');
  });

  it('approves and publishes once the editor has resolved the note', async () => {
    const { editor, article, noteId } = await articleInReviewWithNote('Which inspections?');
    expect(changeNote({ articleId: article.id, noteId, actor: editor, input: { action: 'resolve' } }).ok).toBe(true);

    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'approve' } })).toMatchObject({ ok: true, status: 'approved' });
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } })).toMatchObject({ ok: true, status: 'published' });
    expect(statusOf(article.id)).toBe('published');
  });

  it('refuses publishing an approved article when a note was opened after approval', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    addNote({ articleId: article.id, actor: editor, input: { body: 'Check the date of the next round.' } });

    const result = transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } });
    expect(result).toMatchObject({ ok: false, problems: [expect.objectContaining({ code: 'open-note', message: expect.stringContaining('Check the date of the next round.') })] });
    expect(statusOf(article.id)).toBe('approved');
  });

  it('still lets an author submit for review with a note open, and shows the note in the checklist', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'draft' });
    const note = addNote({ articleId: article.id, actor: editor, input: { body: 'Add a source for the figures.' } });
    if (!note.ok) throw new Error(note.error);

    expect(getWorkflowState({ id: article.id, actor: editor }).preflight.blocking).toEqual([
      expect.objectContaining({ code: 'open-note', noteId: note.threadId, isForApprovalOnly: true }),
    ]);
    expect(transitionArticle({ id: article.id, actor: author, input: { action: 'submit' } })).toMatchObject({ ok: true, status: 'in_review' });
  });
});
