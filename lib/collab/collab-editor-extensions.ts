import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import { articleExtensions } from '@/lib/content/extensions';
import { COLLAB_FIELD } from './article-ydoc';
import { ExactTextEdits } from './exact-text-edits';

/**
 * The article's one extension list bound to a shared document: the same nodes and marks, with
 * StarterKit's own undo history off (Collaboration brings one that undoes only the writer's changes), and
 * typed text written to the shared document where it was typed (`ExactTextEdits`).
 */
export function collabEditorExtensions({ document }: { document: Y.Doc }): Extensions {
  return onSharedDocument({ extensions: articleExtensions(), document });
}

/** Any editor's extension list (the desk's adds the mention picker and paste cleaner) bound to a shared document. */
export function onSharedDocument({ extensions, document }: { extensions: Extensions; document: Y.Doc }): Extensions {
  const shared = extensions.map((extension) => (extension.name === 'starterKit' ? extension.configure({ undoRedo: false }) : extension));
  return [...shared, ExactTextEdits, Collaboration.configure({ document, field: COLLAB_FIELD })];
}
