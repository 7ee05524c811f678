'use client';

import { useCallback, useState } from 'react';

/** Whether this person may edit now; a workflow move can take the article out of their hands, or give it back. */
export function useEditLock(article: { canEdit: boolean; lockedReason: string | null }) {
  const [canEdit, setCanEdit] = useState(article.canEdit);
  const [lockedReason, setLockedReason] = useState(article.lockedReason);
  const onEditableChange = useCallback((isEditable: boolean, reason: string | null) => {
    setCanEdit(isEditable);
    setLockedReason(reason);
  }, []);
  return { canEdit, lockedReason, onEditableChange };
}
