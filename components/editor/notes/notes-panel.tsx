'use client';

import type { Editor } from '@tiptap/react';
import type { EditorViewer } from '@/lib/articles/get-article-for-edit';

export type NotesPanelProps = { editor: Editor; articleId: number; viewer: EditorViewer };

/** Editorial notes on the article, anchored to passages of the text. */
export function NotesPanel(_props: NotesPanelProps) {
  return null;
}
