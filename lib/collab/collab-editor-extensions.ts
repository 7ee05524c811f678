import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import { articleExtensions } from '@/lib/content/extensions';
import { COLLAB_FIELD } from './article-ydoc';

/**
 * The article's one extension list bound to a shared document: the same nodes and marks, with
 * StarterKit's own undo history off (Collaboration brings one that undoes only the writer's changes).
 */
export function collabEditorExtensions({ document }: { document: Y.Doc }): Extensions {
  const shared = articleExtensions().map((extension) => (extension.name === 'starterKit' ? extension.configure({ undoRedo: false }) : extension));
  return [...shared, Collaboration.configure({ document, field: COLLAB_FIELD })];
}
