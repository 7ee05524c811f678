'use client';

import type { JSONContent } from '@tiptap/core';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Transaction } from '@tiptap/pm/state';
import { useEditor, type Editor } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useMemo, useRef, useState } from 'react';
import { onSharedDocument } from '@/lib/collab/collab-editor-extensions';
import type { SharedDocument } from './collab/use-collab';
import { DirectTextInput } from './direct-text-input';
import { editorExtensions } from './editor-extensions';
import { findExistingEntityIds } from './entity-search';
import type { MentionMenuState } from './mention-menu';
import { PasteGuard } from './paste-guard';
import { figureAttrsFrom, uploadImage } from './upload-image';

/** A change to the body; `isFromOthers` when it arrived from another writer through the shared document. */
export type BodyChange = { isFromOthers: boolean };

/** True for a change the shared document brought in from another writer (an undo of one's own is not). */
function isFromOthers(transaction: Transaction): boolean {
  const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  return sync?.isChangeOrigin === true && sync.isUndoRedoOperation !== true;
}

/**
 * The rich-text editor for the article's body: the shared extensions, pasted and dropped images, and what the writer should be told about them.
 * With `shared`, the body is the article's shared document (live editing) and the editor is made again whenever that document is replaced.
 */
export function useArticleBody({ body, canEdit, onChange, shared = null, user }: { body: JSONContent; canEdit: boolean; onChange: (change: BodyChange) => void; shared?: SharedDocument | null; user?: { name: string } }) {
  const editorRef = useRef<Editor | null>(null);
  const [mentionMenu, setMentionMenu] = useState<MentionMenuState | null>(null);
  const [pasteNotice, setPasteNotice] = useState('');
  const [uploadError, setUploadError] = useState('');
  const [isFigureSelected, setIsFigureSelected] = useState(false);
  const [ownExtensions] = useState(() => [
    ...editorExtensions({ onMentionMenu: setMentionMenu }),
    PasteGuard.configure({ findExistingEntityIds, onNotice: setPasteNotice }),
    DirectTextInput,
  ]);
  const userName = user?.name ?? '';
  const extensions = useMemo(
    () =>
      shared
        ? [...onSharedDocument({ extensions: ownExtensions, document: shared.doc }), CollaborationCaret.configure({ provider: { awareness: shared.awareness }, user: { name: userName } })]
        : ownExtensions,
    [ownExtensions, shared, userName],
  );

  /** Uploads pasted or dropped images and inserts each as a figure beside (never over) what is selected. */
  function insertImageFiles(files: FileList | undefined | null, dropPosition?: number): boolean {
    const images = [...(files ?? [])].filter((file) => file.type.startsWith('image/') || file.type === '');
    if (images.length === 0) return false;
    setUploadError('');
    for (const file of images) {
      uploadImage(file, { alt: '', caption: '', credit: '' })
        .then((image) => {
          const current = editorRef.current;
          if (!current) return;
          const position = Math.min(dropPosition ?? current.state.selection.to, current.state.doc.content.size);
          current.chain().focus().insertContentAt(position, { type: 'figure', attrs: figureAttrsFrom(image) }).run();
        })
        .catch((error: Error) => setUploadError(error.message));
    }
    return true;
  }

  const editor = useEditor({
    extensions,
    // The shared document holds the text; content given here too would be merged into it.
    content: shared ? undefined : body,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    // Nothing here listens for tiptap's `delete` events, which are worked out after every change.
    enableCoreExtensions: { delete: false },
    editable: canEdit,
    editorProps: {
      attributes: { class: 'article-body editor-surface', 'aria-label': 'Article text', 'aria-multiline': 'true', role: 'textbox' },
      handlePaste: (_view, event) => insertImageFiles(event.clipboardData?.files),
      handleDrop: (view, event) => {
        const drop = event as DragEvent;
        return insertImageFiles(drop.dataTransfer?.files, view.posAtCoords({ left: drop.clientX, top: drop.clientY })?.pos);
      },
    },
    onUpdate: ({ transaction }) => onChange({ isFromOthers: isFromOthers(transaction) }),
    onSelectionUpdate: ({ editor: current }) => setIsFigureSelected(current.isActive('figure')),
  }, [shared]);
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);
  useEffect(() => {
    editor?.setEditable(canEdit, false);
  }, [editor, canEdit]);

  return { editor, editorRef, mentionMenu, pasteNotice, dismissPasteNotice: () => setPasteNotice(''), uploadError, isFigureSelected };
}
