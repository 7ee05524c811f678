import { Extension } from '@tiptap/core';
import { Slice, type Fragment } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { cleanPastedHtml } from '@/lib/content/clean-pasted-html';
import { sanitizePastedSlice } from '@/lib/content/sanitize-pasted-slice';
import { MAX_DOC_BYTES, MAX_DOC_DEPTH } from '@/lib/content/validate-article-doc';

export type PasteGuardOptions = {
  /** Answers which of these entity ids a saved article may mention (current entities and merged ones). */
  findExistingEntityIds: (ids: number[]) => Promise<number[]>;
  /** Tells the writer what a paste left out or changed, and what to do about it. */
  onNotice: (message: string) => void;
};

/** Levels kept free below the deepest pasted container, for the list items, cells and text inside it. */
const DEPTH_RESERVE = 6;

/**
 * Every paste and drop into an article — HTML from anywhere, the editor's own copies, plain text —
 * goes through the same cleaner and the same checks, so what lands in the editor can always be saved.
 * Mentions of entities the editor has not seen are checked with the server before they are inserted.
 */
export const PasteGuard = Extension.create<PasteGuardOptions>({
  name: 'pasteGuard',
  priority: 1000,

  addOptions() {
    return { findExistingEntityIds: async () => [], onNotice: () => {} };
  },

  addProseMirrorPlugins() {
    const { findExistingEntityIds, onNotice } = this.options;
    const confirmedEntityIds = new Set<number>();
    let refusedImageSources: string[] = [];

    const insertAfterEntityCheck = (view: EditorView, slice: Slice, position?: number): boolean => {
      const known = new Set([...confirmedEntityIds, ...entityIdsIn(view.state.doc.content)]);
      const unverified = [...new Set(entityIdsIn(slice.content))].filter((id) => !known.has(id));
      if (unverified.length === 0) return false;
      const docAtPaste = view.state.doc;
      void findExistingEntityIds(unverified)
        .catch(() => [] as number[])
        .then((existing) => {
          for (const id of existing) confirmedEntityIds.add(id);
          if (view.isDestroyed) return;
          const checked = sanitizePastedSlice(slice, { isKnownEntity: (id) => known.has(id) || confirmedEntityIds.has(id) });
          if (checked.untaggedLabels.length > 0) onNotice(untaggedNotice(checked.untaggedLabels));
          const transaction = view.state.tr;
          if (position !== undefined && view.state.doc === docAtPaste) transaction.replaceRange(position, position, checked.slice);
          else transaction.replaceSelection(checked.slice);
          view.dispatch(transaction.scrollIntoView().setMeta('paste', true));
        });
      return true;
    };

    return [
      new Plugin({
        key: new PluginKey('pasteGuard'),
        props: {
          transformPastedHTML: (html, view) =>
            cleanPastedHtml(html, view.dom.ownerDocument, { onRefusedImage: (src) => refusedImageSources.push(src) }),
          transformPasted: (slice, view) => {
            const maxDepth = MAX_DOC_DEPTH - view.state.selection.$from.depth - DEPTH_RESERVE;
            const checked = sanitizePastedSlice(slice, { maxDepth });
            const refused = [...new Set([...refusedImageSources, ...checked.refusedImageSources])];
            refusedImageSources = [];
            if (refused.length > 0) onNotice(refusedImagesNotice(refused));
            if (byteLength(checked.slice.content) + byteLength(view.state.doc.content) > MAX_DOC_BYTES) {
              onNotice('That is too much to paste into this article; paste it in smaller parts, or split the article.');
              return Slice.empty;
            }
            return checked.slice;
          },
          handlePaste: (view, _event, slice) => insertAfterEntityCheck(view, slice),
          handleDrop: (view, event, slice, moved) => {
            if (moved) return false;
            const drop = event as DragEvent;
            return insertAfterEntityCheck(view, slice, view.posAtCoords({ left: drop.clientX, top: drop.clientY })?.pos);
          },
        },
      }),
    ];
  },
});

function entityIdsIn(fragment: Fragment): number[] {
  const ids: number[] = [];
  fragment.descendants((node) => {
    if (node.type.name === 'entityMention' && typeof node.attrs.entityId === 'number') ids.push(node.attrs.entityId);
  });
  return ids;
}

function byteLength(fragment: Fragment): number {
  return new TextEncoder().encode(JSON.stringify(fragment.toJSON() ?? [])).length;
}

function refusedImagesNotice(sources: string[]): string {
  const named = sources.slice(0, 3).map((src) => `“${src.length > 80 ? `${src.slice(0, 77)}…` : src}”`).join(', ');
  const more = sources.length > 3 ? ` and ${sources.length - 3} more` : '';
  const what = sources.length === 1 ? 'The pasted image was' : `${sources.length} pasted images were`;
  return `Images from other sites can't be used directly: upload the image to the media library first. ${what} left out (${named}${more}).`;
}

function untaggedNotice(labels: string[]): string {
  const named = [...new Set(labels)].slice(0, 3).map((label) => `“${label}”`).join(', ');
  return `Pasted as plain text, since the entity it was tagged with does not exist here: ${named}. Tag it again if it should be.`;
}
