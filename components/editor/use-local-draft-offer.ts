'use client';

import { useEffect, useState } from 'react';
import type { EditableArticle } from '@/lib/articles/get-article-for-edit';
import { articleMetaOf } from './article-meta-of';
import { clearLocalDraft, readLocalDraft, type LocalDraft } from './local-draft-store';

/** Changes this browser kept but the server never confirmed, offered back once on load. */
export function useLocalDraftOffer(article: EditableArticle) {
  const [offer, setOffer] = useState<LocalDraft | null>(null);

  useEffect(() => {
    const local = readLocalDraft(article.id);
    if (!local) return;
    const server = JSON.stringify({ ...articleMetaOf(article), body: article.body });
    const kept = JSON.stringify({ ...articleMetaOf(local.state), body: local.state.body });
    // Reading browser storage is only possible after mount; the offer appears once, on load.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (server !== kept) setOffer(local);
    else clearLocalDraft(article.id);
  }, [article]);

  const discard = () => {
    clearLocalDraft(article.id);
    setOffer(null);
  };

  return { offer, close: () => setOffer(null), discard };
}
