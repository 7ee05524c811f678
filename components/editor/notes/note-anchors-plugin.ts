import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findAnchor, isPassageAt, type AnchorRange, type StoredAnchor } from './find-anchor';

/** A thread's passage as the editor sees it now: `range` is null once the text there is gone. */
export type LocatedAnchor = { id: number; text: string; range: AnchorRange | null };

export type NoteAnchorsState = { anchors: LocatedAnchor[]; activeId: number | null; decorations: DecorationSet };

export type NoteAnchorsMeta =
  /** The threads to follow (open, anchored ones); new ones are found in the text, known ones keep their live place. */
  | { type: 'track'; anchors: (StoredAnchor & { id: number })[] }
  | { type: 'activate'; id: number | null }
  /** Passages found again by their text after they were lost. */
  | { type: 'relocate'; ranges: { id: number; range: AnchorRange }[] };

export const noteAnchorsKey = new PluginKey<NoteAnchorsState>('editorialNoteAnchors');

/**
 * Highlights the passages open threads are about. Each passage's place moves with every edit; when
 * the words there stop matching the quoted text, the passage is lost (`range: null`) and
 * `onChange` hears of it, as it does of every move. Clicking a highlighted passage activates its thread.
 */
export function noteAnchorsPlugin({
  onChange,
  onActivate,
}: {
  onChange: (anchors: LocatedAnchor[]) => void;
  onActivate: (id: number) => void;
}): Plugin<NoteAnchorsState> {
  return new Plugin<NoteAnchorsState>({
    key: noteAnchorsKey,
    state: {
      init: (_config, state) => withDecorations(state.doc, { anchors: [], activeId: null }),
      apply: (tr, previous) => nextState({ tr, previous }),
    },
    view: () => ({
      update: (view, previousState) => {
        const current = noteAnchorsKey.getState(view.state);
        if (current && current.anchors !== noteAnchorsKey.getState(previousState)?.anchors) onChange(current.anchors);
      },
    }),
    props: {
      decorations: (state) => noteAnchorsKey.getState(state)?.decorations,
      handleClick: (view, position) => {
        const hit = noteAnchorsKey.getState(view.state)?.anchors.find((anchor) => anchor.range && position >= anchor.range.from && position <= anchor.range.to);
        if (hit) onActivate(hit.id);
        return false;
      },
    },
  });
}

function nextState({ tr, previous }: { tr: Transaction; previous: NoteAnchorsState }): NoteAnchorsState {
  const meta = tr.getMeta(noteAnchorsKey) as NoteAnchorsMeta | undefined;
  let anchors = previous.anchors;
  if (tr.docChanged && anchors.length > 0) anchors = anchors.map((anchor) => mapAnchor({ anchor, tr }));
  if (meta?.type === 'track') {
    const known = new Map(anchors.map((anchor) => [anchor.id, anchor]));
    anchors = meta.anchors.map((stored) => {
      const live = known.get(stored.id);
      if (live?.range) return live;
      return { id: stored.id, text: stored.text, range: findAnchor(tr.doc, stored) };
    });
  }
  if (meta?.type === 'relocate') {
    const found = new Map(meta.ranges.map((entry) => [entry.id, entry.range]));
    anchors = anchors.map((anchor) => {
      const range = found.get(anchor.id);
      return range && isPassageAt(tr.doc, { ...range, text: anchor.text }) ? { ...anchor, range } : anchor;
    });
  }
  const activeId = meta?.type === 'activate' ? meta.id : previous.activeId;
  if (anchors === previous.anchors && activeId === previous.activeId) return previous;
  return withDecorations(tr.doc, { anchors, activeId });
}

function mapAnchor({ anchor, tr }: { anchor: LocatedAnchor; tr: Transaction }): LocatedAnchor {
  if (!anchor.range) return anchor;
  // Typing just outside the passage stays outside it.
  const from = tr.mapping.map(anchor.range.from, 1);
  const to = tr.mapping.map(anchor.range.to, -1);
  const range = { from, to };
  return { ...anchor, range: isPassageAt(tr.doc, { ...range, text: anchor.text }) ? range : null };
}

function withDecorations(doc: ProseMirrorNode, { anchors, activeId }: { anchors: LocatedAnchor[]; activeId: number | null }): NoteAnchorsState {
  const decorations = anchors.flatMap((anchor) =>
    anchor.range
      ? [
          Decoration.inline(
            anchor.range.from,
            anchor.range.to,
            { class: anchor.id === activeId ? 'note-anchor note-anchor-active' : 'note-anchor', 'data-note-id': String(anchor.id) },
            { noteId: anchor.id, isActive: anchor.id === activeId },
          ),
        ]
      : [],
  );
  return { anchors, activeId, decorations: DecorationSet.create(doc, decorations) };
}
