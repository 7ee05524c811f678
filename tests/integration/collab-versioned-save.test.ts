import { afterEach, describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { saveArticleAndShare } from '@/lib/articles/save-article-and-share';
import { articleJsonOf } from '@/lib/collab/article-ydoc';
import { flushCollabSaves, forgetCollabRooms, joinCollab } from '@/lib/collab/collab-rooms';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { listRevisions } from '@/lib/articles/list-revisions';
import { restoreRevision } from '@/lib/articles/restore-revision';
import { saveArticle } from '@/lib/articles/save-article';
import { paragraphDoc } from '../factories/article';
import { createTestArticle } from '../factories/article';
import { saveInput } from '../factories/draft';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
afterEach(() => forgetCollabRooms());

function sharedTextOf(state: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(state, 'base64'));
  const json = articleJsonOf(doc);
  if (!json.ok) throw new Error(json.message);
  return docToPlainText(json.doc);
}

/** As API clients send it: table cells without the attributes the schema gives them by default. */
function tableDoc(state: string): JSONContent {
  const cell = (type: 'tableHeader' | 'tableCell', text: string) => ({ type, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Signatories by year.' }] },
      { type: 'table', content: [{ type: 'tableRow', content: [cell('tableHeader', 'State'), cell('tableHeader', 'Year')] }, { type: 'tableRow', content: [cell('tableCell', state), cell('tableCell', '1997')] }] },
    ],
  };
}

describe('a versioned save of an article that has a shared document', () => {
  it('gives the saved text to the shared document, so a live editor opens what was saved', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Opened live once.' });
    joinCollab({ articleId: article.id, actor: author });
    forgetCollabRooms();

    const saved = saveArticleAndShare({ id: article.id, actor: author, input: saveInput({ articleId: article.id, actor: author, body: paragraphDoc('Saved through the versioned editor.') }) });
    expect(saved).toMatchObject({ ok: true });
    expect(sharedTextOf(joinCollab({ articleId: article.id, actor: author }).state)).toBe('Saved through the versioned editor.');
  });

  it('leaves the shared document alone when the save did not change the text', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Opened live once.' });
    const before = joinCollab({ articleId: article.id, actor: author });

    const saved = saveArticleAndShare({ id: article.id, actor: author, input: saveInput({ articleId: article.id, actor: author, title: 'A new title only' }) });
    expect(saved).toMatchObject({ ok: true });
    const after = joinCollab({ articleId: article.id, actor: author });
    expect(after.seq).toBe(before.seq);
    expect(sharedTextOf(after.state)).toBe('Opened live once.');
  });

  it('a restore of a text saved before live editing keeps the version it answered', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Opened live once.' });
    const saved = saveArticle({ id: article.id, actor: author, input: saveInput({ articleId: article.id, actor: author, body: tableDoc('Norway') }) });
    if (!saved.ok) throw new Error(saved.error);
    joinCollab({ articleId: article.id, actor: author });
    expect(saveArticleAndShare({ id: article.id, actor: author, input: saveInput({ articleId: article.id, actor: author, body: paragraphDoc('Rewritten.') }) })).toMatchObject({ ok: true });

    const old = listRevisions({ articleId: article.id, actor: author }).find((entry) => entry.version === saved.version)!;
    const restored = restoreRevision({ articleId: article.id, revisionId: old.id, actor: author });
    flushCollabSaves();
    if (!restored.ok) throw new Error(restored.error);
    const stored = getArticleForEdit({ id: article.id, actor: author });
    expect(stored.version).toBe(restored.version);
    expect(docToPlainText(stored.body)).toContain('Norway');
  });

  it('keeps the version it answered: a body the shared document writes out differently is not saved again', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Opened live once.' });
    joinCollab({ articleId: article.id, actor: author });
    const body = tableDoc('Norway');

    const saved = saveArticleAndShare({ id: article.id, actor: author, input: saveInput({ articleId: article.id, actor: author, body }) });
    flushCollabSaves();
    if (!saved.ok) throw new Error(saved.error);
    const stored = getArticleForEdit({ id: article.id, actor: author });
    expect(stored.version).toBe(saved.version);
    expect(docToPlainText(stored.body)).toContain('Norway');

    // The client's next save, built on the version it was given, is not a conflict.
    const next = saveArticleAndShare({ id: article.id, actor: author, input: saveInput({ articleId: article.id, actor: author, body: paragraphDoc('Rewritten.'), baseVersion: saved.version }) });
    expect(next).toMatchObject({ ok: true });
  });
});
