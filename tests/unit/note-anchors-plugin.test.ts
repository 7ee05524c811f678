import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '@/lib/content/article-schema';
import { noteAnchorsKey, noteAnchorsPlugin, type NoteAnchorsMeta } from '@/components/editor/notes/note-anchors-plugin';

const SENTENCE = 'The treaty entered into force in 1970.';
const PASSAGE = { id: 1, text: 'entered into force', from: SENTENCE.indexOf('entered') + 1, to: SENTENCE.indexOf(' in 1970') + 1 };

function stateWith(...anchors: (typeof PASSAGE)[]) {
  const doc = articleSchema().nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: SENTENCE }] }] });
  const state = EditorState.create({ doc, plugins: [noteAnchorsPlugin({ onChange: () => {}, onActivate: () => {} })] });
  const meta: NoteAnchorsMeta = { type: 'track', anchors };
  return state.apply(state.tr.setMeta(noteAnchorsKey, meta));
}

function anchorsOf(state: EditorState) {
  return noteAnchorsKey.getState(state)!.anchors;
}

describe('the note anchors plugin', () => {
  it('finds tracked passages and highlights them', () => {
    const state = stateWith(PASSAGE);
    expect(anchorsOf(state)).toEqual([{ id: 1, text: 'entered into force', range: { from: PASSAGE.from, to: PASSAGE.to } }]);
    expect(noteAnchorsKey.getState(state)!.decorations.find().map((decoration) => [decoration.from, decoration.to])).toEqual([[PASSAGE.from, PASSAGE.to]]);
  });

  it('moves a passage with edits before it and keeps text typed at its edges outside it', () => {
    let state = stateWith(PASSAGE);
    state = state.apply(state.tr.insertText('Signed 1968. ', 1));
    state = state.apply(state.tr.insertText('X', PASSAGE.from + 13));
    expect(anchorsOf(state)[0]!.range).toEqual({ from: PASSAGE.from + 14, to: PASSAGE.to + 14 });
    expect(state.doc.textBetween(anchorsOf(state)[0]!.range!.from, anchorsOf(state)[0]!.range!.to)).toBe('entered into force');
  });

  it('loses a passage whose words were changed, and finds it again when they come back', () => {
    let state = stateWith(PASSAGE);
    state = state.apply(state.tr.insertText('came', PASSAGE.from, PASSAGE.from + 'entered'.length));
    expect(anchorsOf(state)[0]!.range).toBeNull();
    expect(noteAnchorsKey.getState(state)!.decorations.find()).toEqual([]);
    state = state.apply(state.tr.insertText('entered', PASSAGE.from, PASSAGE.from + 'came'.length));
    expect(anchorsOf(state)[0]!.range).toBeNull();
    const meta: NoteAnchorsMeta = { type: 'relocate', ranges: [{ id: 1, range: { from: PASSAGE.from, to: PASSAGE.to } }] };
    state = state.apply(state.tr.setMeta(noteAnchorsKey, meta));
    expect(anchorsOf(state)[0]!.range).toEqual({ from: PASSAGE.from, to: PASSAGE.to });
  });

  it('keeps a live place when the threads are tracked again with stale positions', () => {
    let state = stateWith(PASSAGE);
    state = state.apply(state.tr.insertText('Yes. ', 1));
    state = state.apply(state.tr.setMeta(noteAnchorsKey, { type: 'track', anchors: [PASSAGE] } satisfies NoteAnchorsMeta));
    expect(anchorsOf(state)[0]!.range).toEqual({ from: PASSAGE.from + 5, to: PASSAGE.to + 5 });
  });

  it('marks the active thread’s passage', () => {
    let state = stateWith(PASSAGE);
    state = state.apply(state.tr.setMeta(noteAnchorsKey, { type: 'activate', id: 1 } satisfies NoteAnchorsMeta).setSelection(TextSelection.create(state.doc, 1)));
    expect(noteAnchorsKey.getState(state)!.decorations.find().map((decoration) => decoration.spec)).toEqual([{ noteId: 1, isActive: true }]);
  });
});
