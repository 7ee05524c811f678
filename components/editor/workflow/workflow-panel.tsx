'use client';

import type { EditorViewer } from '@/lib/articles/get-article-for-edit';

export type WorkflowPanelProps = {
  articleId: number;
  viewer: EditorViewer;
  /** Saves the working copy now; resolves true when it is on the server. */
  saveNow: () => Promise<boolean>;
  /** Moves whenever the text or metadata changed (debounced). */
  changeTick: number;
};

/** Status, preflight and the workflow actions this person may take now. */
export function WorkflowPanel(_props: WorkflowPanelProps) {
  return null;
}
