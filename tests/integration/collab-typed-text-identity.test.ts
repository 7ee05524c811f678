// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleYDoc, COLLAB_FIELD } from '@/lib/collab/article-ydoc';
import { collabEditorExtensions } from '@/lib/collab/collab-editor-extensions';

/*
 * A letter typed next to the same letter is the same text either way round, but not the same shared
 * document: each letter belongs to the writer who typed it, and a writer taking back a word takes back
 * its own letters. The editor's binding used to find a change by comparing texts, so a word typed just
 * before another writer's word that starts with the same letter took that writer's letter as its own.
 * When that writer then deleted their word from a copy that had not yet seen the rest, the first word
 * lost a letter.
 */

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

function editorOn(doc: Y.Doc): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: collabEditorExtensions({ document: doc }) });
  editors.push(editor);
  return editor;
}

/** Each visible character of the first paragraph with the id of the writer who typed it. */
function lettersWithWriters(doc: Y.Doc): { text: string; writers: number[] } {
  const paragraph = doc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement;
  let text = '';
  const writers: number[] = [];
  for (const child of paragraph.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (let item = child._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      text += item.content.str;
      for (let index = 0; index < item.content.str.length; index++) writers.push(item.id.client);
    }
  }
  return { text, writers };
}

/** Types `text` one key at a time at `position`, as the browser's input does. */
function typeAt(editor: Editor, position: number, text: string): void {
  let at = position;
  for (const key of text) {
    editor.view.dispatch(editor.state.tr.insertText(key, at));
    at += 1;
  }
}

function sharedPair(): { mine: Y.Doc; theirs: Y.Doc } {
  const start = articleYDoc({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Talks  xe8x resume' }] }] });
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(start));
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(start));
  // The other writer typed the word `xe8x`: from here on its letters are theirs.
  const text = (theirs.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.delete(7, 4);
  text.insert(7, 'xe8x');
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
  return { mine, theirs };
}

it('a word typed just before a word starting with the same letter is made of the typing writer’s letters', () => {
  const { mine, theirs } = sharedPair();
  const editor = editorOn(mine);
  // "Talks  |xe8x": position 1 is the paragraph's start, 7 characters in.
  typeAt(editor, 1 + 7, 'xa3x ');
  const { text, writers } = lettersWithWriters(mine);
  expect(text).toBe('Talks  xa3x xe8x resume');
  const typedAt = text.indexOf('xa3x ');
  expect(writers.slice(typedAt, typedAt + 5)).toEqual(Array(5).fill(mine.clientID));
  const theirsAt = text.indexOf('xe8x');
  expect(writers.slice(theirsAt, theirsAt + 4)).toEqual(Array(4).fill(theirs.clientID));
});

it('the other writer taking back their word from a copy that missed the end of the typing leaves the typed word whole', () => {
  const { mine, theirs } = sharedPair();
  const editor = editorOn(mine);
  typeAt(editor, 1 + 7, 'xa3');
  // Their copy has seen "xa3" and nothing after it when they delete their word.
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  typeAt(editor, 1 + 10, 'x ');
  const text = (theirs.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const plain = text.toString();
  expect(plain).toBe('Talks  xa3xe8x resume');
  const before = Y.encodeStateVector(theirs);
  text.delete(plain.indexOf('xe8x'), 4);
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)));
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine, before));
  expect(editor.state.doc.textContent).toBe('Talks  xa3x  resume');
  expect(lettersWithWriters(theirs).text).toBe('Talks  xa3x  resume');
});

it('a deleted letter is the one the writer deleted, not its twin beside it', () => {
  const { mine, theirs } = sharedPair();
  const editor = editorOn(mine);
  typeAt(editor, 1 + 7, 'x');
  // "Talks  x|xe8x": Backspace takes back the letter just typed, not the other writer's.
  editor.view.dispatch(editor.state.tr.delete(1 + 7, 1 + 8));
  const { text, writers } = lettersWithWriters(mine);
  expect(text).toBe('Talks  xe8x resume');
  const theirsAt = text.indexOf('xe8x');
  expect(writers.slice(theirsAt, theirsAt + 4)).toEqual(Array(4).fill(theirs.clientID));
});

it('undo takes back only what this writer typed, around another writer’s change made in between', () => {
  const { mine, theirs } = sharedPair();
  const editor = editorOn(mine);
  const other = editorOn(theirs);
  const exchange = () => {
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine, Y.encodeStateVector(theirs)));
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)));
  };
  // "Talks  xe8x resume": this writer types at the start, the other at the end, then this writer undoes.
  typeAt(editor, 1, 'Arms ');
  exchange();
  const end = other.state.doc.content.size - 1;
  typeAt(other, end, ' soon');
  exchange();
  expect(editor.state.doc.textContent).toBe('Arms Talks  xe8x resume soon');

  expect(editor.commands.undo()).toBe(true);
  exchange();
  expect(editor.state.doc.textContent).toBe('Talks  xe8x resume soon');
  expect(other.state.doc.textContent).toBe('Talks  xe8x resume soon');
  // And redo brings this writer's words back, in both editors.
  expect(editor.commands.redo()).toBe(true);
  exchange();
  expect(other.state.doc.textContent).toBe('Arms Talks  xe8x resume soon');
});
