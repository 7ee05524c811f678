'use client';

import Link from 'next/link';
import { SaveStatusLine } from './save-status';
import type { SaveStatus } from './use-autosave';
import { Button } from '@/components/ui/button';

type Props = { articleId: number; status: SaveStatus; others: string[]; canEdit: boolean; saveNow: () => Promise<boolean> };

/** Save status, who else has the article open, and the ways out to preview, history and audit. */
export function EditorTopbar({ articleId, status, others, canEdit, saveNow }: Props) {
  const openPreview = async () => {
    const preview = window.open('about:blank', '_blank');
    await saveNow();
    if (preview) preview.location.href = `/desk/articles/${articleId}/preview`;
  };
  return (
    <div className="editor-topbar">
      <SaveStatusLine status={status} />
      {others.length > 0 ? (
        <p className="presence" role="status">
          Also editing now: {others.join(', ')}
        </p>
      ) : null}
      <div className="editor-actions">
        {canEdit ? (
          <Button onClick={() => void saveNow()}>
            Save
          </Button>
        ) : null}
        <Button onClick={() => void openPreview()}>
          Preview
        </Button>
        <Link href={`/desk/articles/${articleId}/history`}>History</Link>
        <Link href={`/desk/articles/${articleId}/audit`}>Audit log</Link>
      </div>
    </div>
  );
}
