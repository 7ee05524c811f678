import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeDb, getDb } from '@/db/client';
import { articles, collabDocuments, collabUpdates, revisions } from '@/db/schema';
import { COLLAB_FIELD, articleJsonOf } from '@/lib/collab/article-ydoc';
import { collabChangesSince, flushCollabSaves, forgetCollabRooms, joinCollab, receiveCollabUpdate } from '@/lib/collab/collab-rooms';
import { checkCollabWriter } from '@/lib/collab/collab-writer';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
afterEach(() => forgetCollabRooms());

/** A writer's own copy of the shared document, started from what the server answered on joining. */
function joinAsClient(state: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(state, 'base64'));
  return doc;
}

/** Types at the end of the first paragraph and returns just that change, as the editor would send it. */
function typeAtEnd(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const paragraph = doc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement;
  const textNode = paragraph.get(0) as Y.XmlText;
  textNode.insert(textNode.length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

const textOf = (state: string) => {
  const json = articleJsonOf(joinAsClient(state));
  if (!json.ok) throw new Error(json.message);
  return docToPlainText(json.doc);
};

/** The process stops and starts again: nothing is kept but the database file. */
function restart(): void {
  forgetCollabRooms();
  closeDb();
  getDb();
}

describe('the shared document of an article', () => {
  it('keeps every acknowledged update across a restart', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Opening line.' });
    const client = joinAsClient(joinCollab({ articleId: article.id, actor: author }).state);
    const acknowledged: number[] = [];
    for (const word of [' alpha', ' beta', ' gamma']) {
      const receipt = receiveCollabUpdate({ articleId: article.id, actor: author, update: typeAtEnd(client, word), origin: 'tab-1' });
      expect(receipt.ok).toBe(true);
      if (receipt.ok) acknowledged.push(receipt.seq);
    }
    expect(acknowledged).toEqual([1, 2, 3]);
    restart();
    const after = joinCollab({ articleId: article.id, actor: author });
    expect(after.seq).toBe(3);
    expect(textOf(after.state)).toBe('Opening line. alpha beta gamma');
  });

  it('folds the log into the snapshot after enough updates and keeps the document', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Start.' });
    const client = joinAsClient(joinCollab({ articleId: article.id, actor: author }).state);
    for (let index = 0; index < 12; index += 1) {
      expect(receiveCollabUpdate({ articleId: article.id, actor: author, update: typeAtEnd(client, ` w${index}`), origin: 'tab-1', compactAfter: 5, keepAfterCompaction: 3 }).ok).toBe(true);
    }
    const logged = getDb().select().from(collabUpdates).where(eq(collabUpdates.articleId, article.id)).all();
    const snapshot = getDb().select().from(collabDocuments).where(eq(collabDocuments.articleId, article.id)).get()!;
    // The snapshot holds everything up to 10; the last three it folded stay for streams a little behind.
    expect(logged.map((row) => row.seq)).toEqual([8, 9, 10, 11, 12]);
    expect(snapshot.seq).toBe(10);
    restart();
    const after = joinCollab({ articleId: article.id, actor: author });
    expect(after.seq).toBe(12);
    expect(textOf(after.state)).toBe(`Start.${Array.from({ length: 12 }, (_, index) => ` w${index}`).join('')}`);
  });

  it('after folding, a writer a few updates behind is sent those updates, and one further behind the whole state', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Start.' });
    const client = joinAsClient(joinCollab({ articleId: article.id, actor: author }).state);
    for (let index = 0; index < 10; index += 1) {
      expect(receiveCollabUpdate({ articleId: article.id, actor: author, update: typeAtEnd(client, ` w${index}`), origin: 'tab-1', compactAfter: 10, keepAfterCompaction: 3 }).ok).toBe(true);
    }
    const access = checkCollabWriter({ articleId: article.id, actor: author });
    const near = collabChangesSince({ article: access, since: 7 });
    expect(near.kind).toBe('updates');
    if (near.kind !== 'updates') return;
    expect(near.updates.map((update) => update.seq)).toEqual([8, 9, 10]);

    const far = collabChangesSince({ article: access, since: 6 });
    expect(far.kind).toBe('state');
    if (far.kind !== 'state') return;
    expect(far.seq).toBe(10);
    expect(textOf(far.state)).toBe(`Start.${Array.from({ length: 10 }, (_, index) => ` w${index}`).join('')}`);
  });

  it('refuses an update that would make the article invalid, keeps nothing of it and answers the server state', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Kept.' });
    const client = joinAsClient(joinCollab({ articleId: article.id, actor: author }).state);
    const before = Y.encodeStateVector(client);
    client.getXmlFragment(COLLAB_FIELD).insert(0, [new Y.XmlElement('script')]);
    const receipt = receiveCollabUpdate({ articleId: article.id, actor: author, update: Y.encodeStateAsUpdate(client, before), origin: 'tab-1' });
    expect(receipt).toMatchObject({ ok: false, seq: 0 });
    if (receipt.ok) return;
    expect(receipt.error).toContain('"script" is not something an article can contain');
    expect(textOf(receipt.state)).toBe('Kept.');
    expect(getDb().select().from(collabUpdates).all()).toEqual([]);
  });

  it('refuses an update that builds on changes the server never received', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Base.' });
    const client = joinAsClient(joinCollab({ articleId: article.id, actor: author }).state);
    typeAtEnd(client, ' lost on the way');
    const receipt = receiveCollabUpdate({ articleId: article.id, actor: author, update: typeAtEnd(client, ' second'), origin: 'tab-1' });
    expect(receipt.ok).toBe(false);
    if (!receipt.ok) expect(receipt.error).toContain('builds on edits the server does not have');
  });

  it('refuses a writer the workflow has locked out, and another author, with the reason', async () => {
    const author = await createTestStaff({ role: 'author' });
    const otherAuthor = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'in_review', createdBy: author.id });
    expect(() => joinCollab({ articleId: article.id, actor: author })).toThrow(new ForbiddenError('This article is with the editors for review. Withdraw it to edit, or wait until they request changes.'));
    expect(() => joinCollab({ articleId: article.id, actor: otherAuthor })).toThrow('That article does not exist, or it has been deleted.');
    expect(getDb().select().from(collabDocuments).all()).toEqual([]);
  });

  it('derives the working copy from the shared document through the ordinary autosave', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Draft.' });
    const client = joinAsClient(joinCollab({ articleId: article.id, actor: author }).state);
    receiveCollabUpdate({ articleId: article.id, actor: author, update: typeAtEnd(client, ' One.'), origin: 'tab-1' });
    receiveCollabUpdate({ articleId: article.id, actor: author, update: typeAtEnd(client, ' Two.'), origin: 'tab-1' });
    flushCollabSaves();
    const stored = getDb().select().from(articles).where(eq(articles.id, article.id)).get()!;
    expect(stored.bodyText).toBe('Draft. One. Two.');
    expect(stored.version).toBe(3);
    const saved = getDb().select().from(revisions).where(eq(revisions.articleId, article.id)).all();
    expect(saved.map((revision) => [revision.reason, revision.authorId])).toEqual([['autosave', author.id]]);
  });
});
