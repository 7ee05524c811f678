import type { JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleJsonOf, COLLAB_FIELD } from '@/lib/collab/article-ydoc';
import { collabChangesSince, forgetCollabRooms, joinCollab, receiveCollabUpdate } from '@/lib/collab/collab-rooms';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

/**
 * Two changes that are each valid can merge into an article the schema does not allow: two writers who
 * each delete one item of a two-item list leave an empty list; two who format the same letters as subscript
 * and as superscript leave both. The server used to refuse the second change, and with it everything else
 * its writer had typed and not yet had acknowledged. It now repairs such merges, and every writer receives
 * the repair.
 */

withTempDatabase();
afterEach(() => forgetCollabRooms());

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] });
const listOf = (...items: string[]): JSONContent => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) });

function joinAsClient(state: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(state, 'base64'));
  return doc;
}

/** Runs `change` on the writer's copy and returns just that change, as the editor would send it. */
function changeOf(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getXmlFragment(COLLAB_FIELD));
  return Y.encodeStateAsUpdate(doc, before);
}

/** The server's document as a writer who joins now gets it, checked against the schema. */
function serverDocument(articleId: number, actor: Parameters<typeof joinCollab>[0]['actor']): JSONContent {
  const json = articleJsonOf(joinAsClient(joinCollab({ articleId, actor }).state));
  if (!json.ok) throw new Error(json.message);
  return json.doc;
}

const firstText = (fragment: Y.XmlFragment) => (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe('merged changes the schema does not allow', () => {
  it('fills a list both writers emptied, and keeps what the second typed with it', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft', body: { type: 'doc', content: [paragraph('Opening.'), listOf('First item', 'Second item')] } });
    const joined = joinCollab({ articleId: article.id, actor: editor }).state;
    const [one, two] = [joinAsClient(joined), joinAsClient(joined)];
    const list = (fragment: Y.XmlFragment) => fragment.get(1) as Y.XmlElement;

    expect(receiveCollabUpdate({ articleId: article.id, actor: editor, update: changeOf(one, (fragment) => list(fragment).delete(0, 1)), origin: 'one' }).ok).toBe(true);
    const second = changeOf(two, (fragment) => {
      list(fragment).delete(1, 1);
      firstText(fragment).insert('Opening.'.length, ' Typed while the list went.');
    });
    const receipt = receiveCollabUpdate({ articleId: article.id, actor: editor, update: second, origin: 'two' });

    expect(receipt, 'the second change is kept').toMatchObject({ ok: true });
    const stored = serverDocument(article.id, editor);
    expect(docToPlainText(stored)).toContain('Opening. Typed while the list went.');
    // The list stays, with one empty item for a writer to fill or remove.
    expect(stored.content?.[1]).toMatchObject({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] });
    expect(stored.content?.[1]?.content).toHaveLength(1);
    expect(docToPlainText({ type: 'doc', content: [stored.content![1]!] }).trim()).toBe('');
    // The repair reaches every writer as a change of its own.
    const changes = collabChangesSince({ article: { id: article.id } as never, since: 0 });
    expect(changes.kind === 'updates' && changes.updates.map((update) => update.origin)).toEqual(['one', 'two', 'server']);
  });

  it('puts a paragraph first in a list item when one writer removed its first paragraph and another turned the second into a quote', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const twoParagraphItem = { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('First.'), paragraph('Second.')] }] };
    const article = createTestArticle({ status: 'draft', body: { type: 'doc', content: [paragraph('Opening.'), twoParagraphItem] } });
    const joined = joinCollab({ articleId: article.id, actor: editor }).state;
    const [one, two] = [joinAsClient(joined), joinAsClient(joined)];
    const item = (fragment: Y.XmlFragment) => (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlElement;

    expect(receiveCollabUpdate({ articleId: article.id, actor: editor, update: changeOf(one, (fragment) => item(fragment).delete(0, 1)), origin: 'one' }).ok).toBe(true);
    const quote = new Y.XmlElement('blockquote');
    const quoted = new Y.XmlElement('paragraph');
    quoted.insert(0, [new Y.XmlText('Quoted words stay.')]);
    quote.insert(0, [quoted]);
    const receipt = receiveCollabUpdate({
      articleId: article.id,
      actor: editor,
      update: changeOf(two, (fragment) => {
        item(fragment).delete(1, 1);
        item(fragment).insert(1, [quote]);
      }),
      origin: 'two',
    });

    expect(receipt).toMatchObject({ ok: true });
    const listItem = serverDocument(article.id, editor).content?.[1]?.content?.[0];
    expect(listItem?.content?.map((node) => node.type)).toEqual(['paragraph', 'blockquote']);
    expect(docToPlainText({ type: 'doc', content: listItem?.content })).toContain('Quoted words stay.');
  });

  it('keeps one of subscript and superscript on letters two writers formatted both ways', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft', body: { type: 'doc', content: [paragraph('CO2 levels')] } });
    const joined = joinCollab({ articleId: article.id, actor: editor }).state;
    const [one, two] = [joinAsClient(joined), joinAsClient(joined)];

    expect(receiveCollabUpdate({ articleId: article.id, actor: editor, update: changeOf(one, (fragment) => firstText(fragment).format(2, 1, { subscript: {} })), origin: 'one' }).ok).toBe(true);
    const receipt = receiveCollabUpdate({
      articleId: article.id,
      actor: editor,
      update: changeOf(two, (fragment) => {
        firstText(fragment).format(2, 1, { superscript: {} });
        firstText(fragment).insert('CO2 levels'.length, ' rose again');
      }),
      origin: 'two',
    });

    expect(receipt).toMatchObject({ ok: true });
    const runs = serverDocument(article.id, editor).content?.[0]?.content ?? [];
    expect(runs.map((run) => run.text).join('')).toBe('CO2 levels rose again');
    const marked = runs.find((run) => run.text === '2');
    expect(marked?.marks).toHaveLength(1);
  });

  it('gives a heading that lost its level the first level an article may use', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft', body: { type: 'doc', content: [paragraph('Opening.')] } });
    const client = joinAsClient(joinCollab({ articleId: article.id, actor: editor }).state);
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('Findings')]);
    const receipt = receiveCollabUpdate({ articleId: article.id, actor: editor, update: changeOf(client, (fragment) => fragment.insert(1, [heading])), origin: 'one' });
    expect(receipt).toMatchObject({ ok: true });
    expect(serverDocument(article.id, editor).content?.[1]).toMatchObject({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Findings' }] });
  });

  it('still refuses what no repair can make valid, with the reason', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft', body: { type: 'doc', content: [paragraph('Kept.')] } });
    const client = joinAsClient(joinCollab({ articleId: article.id, actor: editor }).state);
    const receipt = receiveCollabUpdate({ articleId: article.id, actor: editor, update: changeOf(client, (fragment) => fragment.insert(0, [new Y.XmlElement('script')])), origin: 'one' });
    expect(receipt).toMatchObject({ ok: false });
    if (!receipt.ok) expect(receipt.error).toContain('"script" is not something an article can contain');
  });
});
