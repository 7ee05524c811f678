'use client';

import type { JSONContent } from '@tiptap/core';
import type { Editor } from '@tiptap/react';
import { useCallback, type RefObject } from 'react';
import type { ArticleDraft } from '@/lib/articles/article-draft-schema';
import type { ArticleMeta } from './metadata-panel';
import { useAutosave } from './use-autosave';
import type { ManualTag } from './use-manual-tags';

type Options = {
  articleId: number;
  initialVersion: number;
  initialBody: JSONContent;
  editorRef: RefObject<Editor | null>;
  metaRef: RefObject<ArticleMeta>;
  manualTagsRef: RefObject<ManualTag[]>;
  replaceMeta: (state: ArticleDraft) => void;
  showImagesOf: (doc: JSONContent) => void;
  keepServerIssue: (kept: { sent: number | null; issueId: number | null }) => void;
  /** The body is the shared document, which the server saves: saves carry the server's body, not the editor's. */
  sharedBody?: { whenSent: () => Promise<boolean> } | null;
};

/** The whole draft as the server stores it, read from the editor's parts and put back into them; autosaved. */
export function useArticleDraft({ articleId, initialVersion, initialBody, editorRef, metaRef, manualTagsRef, replaceMeta, showImagesOf, keepServerIssue, sharedBody = null }: Options) {
  const getState = useCallback(
    (): ArticleDraft => ({
      ...metaRef.current,
      body: editorRef.current?.getJSON() ?? initialBody,
      manualEntityIds: manualTagsRef.current.map((tag) => tag.id),
    }),
    [editorRef, initialBody, manualTagsRef, metaRef],
  );
  const replaceState = useCallback(
    (state: ArticleDraft) => {
      replaceMeta(state);
      editorRef.current?.commands.setContent(state.body as JSONContent, { emitUpdate: false });
      showImagesOf(state.body as JSONContent);
    },
    [editorRef, replaceMeta, showImagesOf],
  );
  const autosave = useAutosave({ articleId, initialVersion, getState, onReplace: replaceState, onIssueKept: keepServerIssue, sharedBody });
  return { autosave, replaceState };
}
