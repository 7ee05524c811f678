import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** Characters typed over (or deleted from) one run of a paragraph's text, in the document before the change. */
type TextEdit = { from: number; to: number; text: string };
/** A text edit the sync plugin has not written to the shared document yet, with the documents either side of it. */
type PendingEdit = { before: PmNode; after: PmNode; edit: TextEdit } | null;

const exactTextEditsKey = new PluginKey<PendingEdit>('exactTextEdits');

/**
 * Writes what a writer typed to the shared document at the place they typed it.
 *
 * The sync plugin finds a change by comparing a paragraph's old and new text. Where the typed letter
 * is the same as the one beside it (typing `x` just before another writer's `xe8x`), that comparison
 * takes the neighbour's letter as the new one and the typed one as the neighbour's: the text reads the
 * same, but the other writer's word now holds this writer's letter. When the other writer deletes their
 * word from a copy that has not seen the rest of the typing, the typed word loses a letter (ADR 016).
 *
 * ProseMirror's step says exactly which characters changed. This plugin's view runs before the sync
 * plugin's: it makes that one change in the shared text, by position, then lets the sync plugin's own
 * pass run in the same change, which finds the text equal and only sets its formatting. Anything
 * it cannot place with certainty (several changes, a paragraph split, a change the shared document has
 * not caught up with) is left to the sync plugin as before.
 */
export const ExactTextEdits = Extension.create({
  name: 'exactTextEdits',
  // Before Collaboration (1000), so this plugin's view updates first.
  priority: 1100,
  addProseMirrorPlugins() {
    return [
      new Plugin<PendingEdit>({
        key: exactTextEditsKey,
        state: {
          init: () => null,
          apply: (tr, pending, oldState, newState) => {
            if (!tr.docChanged) return pending;
            if (tr.getMeta(ySyncPluginKey) !== undefined) return null;
            // Formatting added with the typing (a mark set by another plugin) changes no characters.
            if (tr.steps.every((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep)) {
              return pending && pending.after === oldState.doc ? { ...pending, after: newState.doc } : null;
            }
            const edit = textEditOf(tr);
            return edit ? { before: oldState.doc, after: newState.doc, edit } : null;
          },
        },
        view: () => ({
          update: (view, previous) => {
            const pending = exactTextEditsKey.getState(view.state);
            if (!pending || pending.before !== previous.doc || pending.after !== view.state.doc) return;
            const sync = ySyncPluginKey.getState(view.state);
            if (!sync || sync.snapshot != null || sync.prevSnapshot != null || !sync.addToHistory) return;
            const binding = sync.binding;
            if (binding.invalidContentError !== null) return;
            const place = sharedTextAt(binding, pending.before, pending.edit);
            if (!place) return;
            const { text, offset } = place;
            const { from, to, text: typed } = pending.edit;
            binding.mux(() => {
              binding.doc.transact((transaction) => {
                transaction.meta.set('addToHistory', true);
                if (to > from) text.delete(offset, to - from);
                if (typed.length > 0) text.insert(offset, typed);
                // The sync plugin's own pass, in the same change: it finds the text equal and sets only its formatting.
                binding._prosemirrorChanged(view.state.doc);
              }, ySyncPluginKey);
            });
            rememberPath(binding, view.state.doc, from);
          },
        }),
      }),
    ];
  },
});

/** The transaction's change when it is one replacement of characters inside one paragraph by plain characters. */
function textEditOf(tr: Transaction): TextEdit | null {
  if (tr.steps.length !== 1) return null;
  const step = tr.steps[0];
  if (!(step instanceof ReplaceStep)) return null;
  const { from, to, slice } = step;
  if (slice.openStart !== 0 || slice.openEnd !== 0) return null;
  let text = '';
  let isText = true;
  slice.content.forEach((node) => {
    if (node.isText) text += node.text ?? '';
    else isText = false;
  });
  if (!isText || (from === to && text.length === 0)) return null;
  const doc = tr.docs[0]!;
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if (!$from.parent.isTextblock || !$from.sameParent($to)) return null;
  return { from, to, text };
}

/**
 * The shared text run that holds the edit's range, and where the range starts in it; null when the
 * shared paragraph does not hold exactly what the editor's paragraph held before the edit (the shared
 * document has not caught up), or the range is not inside one run of text (it touches a mention, say).
 */
function sharedTextAt(binding: ProsemirrorBinding, doc: PmNode, edit: TextEdit): { text: Y.XmlText; offset: number } | null {
  const $from = doc.resolve(edit.from);
  let parent: Y.XmlFragment | Y.XmlElement = binding.type;
  for (let depth = 0; depth < $from.depth; depth++) {
    const child: unknown = parent.get($from.index(depth));
    if (!(child instanceof Y.XmlElement) || child.nodeName !== $from.node(depth + 1).type.name) return null;
    parent = child;
  }
  const runs = inlineRuns($from.parent);
  const children = parent.toArray();
  if (children.length !== runs.length) return null;
  const start = $from.parentOffset;
  const end = start + (edit.to - edit.from);
  let place: { text: Y.XmlText; offset: number } | null = null;
  let at = 0;
  for (const [index, child] of children.entries()) {
    const run = runs[index]!;
    if (child instanceof Y.XmlText) {
      if (typeof run !== 'string' || plainTextOf(child) !== run) return null;
      if (!place && start >= at && end <= at + run.length) place = { text: child, offset: start - at };
      at += run.length;
    } else {
      if (typeof run === 'string' || !(child instanceof Y.XmlElement) || child.nodeName !== run.type.name) return null;
      at += run.nodeSize;
    }
  }
  return place;
}

/**
 * Points the binding's record of which editor node each shared element stands for at the nodes the edit
 * made, from the top of the document down to the edited paragraph's text. The sync plugin stops at the
 * first ancestor it finds equal, so without this an enclosing list item would keep standing for the
 * paragraph as it was before the edit, and the next change from another writer nearby would redraw it
 * from there, dropping what was typed.
 */
function rememberPath(binding: ProsemirrorBinding, doc: PmNode, position: number): void {
  const $at = doc.resolve(position);
  let parent: Y.XmlFragment | Y.XmlElement = binding.type;
  for (let depth = 0; depth < $at.depth; depth++) {
    const child: unknown = parent.get($at.index(depth));
    if (!(child instanceof Y.XmlElement) || child.nodeName !== $at.node(depth + 1).type.name) return;
    binding.mapping.set(child, $at.node(depth + 1));
    parent = child;
  }
  const groups = inlineGroups($at.parent);
  const children = parent.toArray();
  if (children.length !== groups.length) return;
  children.forEach((child, index) => {
    const group = groups[index]!;
    if (child instanceof Y.XmlText && Array.isArray(group)) binding.mapping.set(child, group);
    else if (child instanceof Y.XmlElement && !Array.isArray(group)) binding.mapping.set(child, group);
  });
}

/** A paragraph's inline content grouped as the shared document holds it: each run of text nodes together, other nodes alone. */
function inlineGroups(textblock: PmNode): (PmNode[] | PmNode)[] {
  const groups: (PmNode[] | PmNode)[] = [];
  textblock.forEach((node) => {
    const last = groups[groups.length - 1];
    if (!node.isText) groups.push(node);
    else if (Array.isArray(last)) last.push(node);
    else groups.push([node]);
  });
  return groups;
}

/** A paragraph's content as the shared document holds it: each run of text as one string, other inline nodes as they are. */
function inlineRuns(textblock: PmNode): (string | PmNode)[] {
  const runs: (string | PmNode)[] = [];
  textblock.forEach((node) => {
    const last = runs[runs.length - 1];
    if (!node.isText) runs.push(node);
    else if (typeof last === 'string') runs[runs.length - 1] = last + node.text;
    else runs.push(node.text ?? '');
  });
  return runs;
}

function plainTextOf(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((part) => (typeof part.insert === 'string' ? part.insert : '\u0000')).join('');
}
