import { describe, expect, it } from 'vitest';
import { createArticle } from '@/lib/articles/create-article';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { listRevisions } from '@/lib/articles/list-revisions';
import { restoreRevision } from '@/lib/articles/restore-revision';
import { saveArticle } from '@/lib/articles/save-article';
import { articleRow, saveInput } from '../factories/draft';
import { createPlanningIssue } from '../factories/issue-articles';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

async function authorsDraft() {
  const author = await createTestStaff({ role: 'author' });
  const created = createArticle({ actor: author, title: 'Verification regimes' });
  if (!created.ok) throw new Error(created.error);
  return { author, id: created.id };
}

describe('choosing the issue an article appears in', () => {
  it('refuses an author’s save that files the article into an issue, saying editors choose the issue, and saves nothing', async () => {
    const { author, id } = await authorsDraft();
    const issue = createPlanningIssue({ title: 'June 2031' });
    const input = { ...saveInput({ articleId: id, actor: author, text: 'New text.' }), issueId: issue.id };

    const result = saveArticle({ id, actor: author, input });

    expect(result).toEqual({
      ok: false,
      kind: 'invalid',
      error: 'Only an editor can choose the issue an article appears in; ask one to file it.',
      fieldErrors: { issueId: 'Only an editor can choose the issue.' },
    });
    expect(articleRow(id)).toMatchObject({ issueId: null, version: 1 });
  });

  it('lets an editor file the same article into the issue', async () => {
    const { id } = await authorsDraft();
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createPlanningIssue({ title: 'June 2031' });
    const input = { ...saveInput({ articleId: id, actor: editor, text: 'New text.' }), issueId: issue.id };

    expect(saveArticle({ id, actor: editor, input })).toMatchObject({ ok: true, issueId: issue.id });
    expect(articleRow(id).issueId).toBe(issue.id);
  });

  it('still saves an author’s text when the issue an editor chose is sent back unchanged', async () => {
    const { author, id } = await authorsDraft();
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createPlanningIssue({ title: 'June 2031' });
    saveArticle({ id, actor: editor, input: { ...saveInput({ articleId: id, actor: editor }), issueId: issue.id } });

    const result = saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, text: 'The author’s next paragraph.' }) });
    expect(result).toMatchObject({ ok: true, issueId: issue.id });
    expect(articleRow(id).bodyText).toBe('The author’s next paragraph.');
  });

  it('keeps the issue an editor chose when an author restores an older revision', async () => {
    const { author, id } = await authorsDraft();
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createPlanningIssue({ title: 'June 2031' });
    const firstRevision = listRevisions({ articleId: id, actor: author }).at(-1)!;
    saveArticle({ id, actor: editor, input: { ...saveInput({ articleId: id, actor: editor, text: 'Edited.' }), issueId: issue.id } });

    expect(restoreRevision({ articleId: id, revisionId: firstRevision.id, actor: author })).toMatchObject({ ok: true, issueId: issue.id });
    expect(getArticleForEdit({ id, actor: author }).issueId).toBe(issue.id);
  });
});
