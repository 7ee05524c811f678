import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { saveArticleAndShare } from '@/lib/articles/save-article-and-share';
import { articleJsonOf } from '@/lib/collab/article-ydoc';
import { forgetCollabRooms, joinCollab } from '@/lib/collab/collab-rooms';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
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
});
