'use client';

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { CollabSession, type CollabView } from './collab-session';

export type SharedDocument = Pick<CollabView, 'doc' | 'awareness'>;

/**
 * The article's shared document while live editing is on and the writer may edit: the session
 * that keeps it in step with the server, and what the editor shows of it. Null when off.
 */
export function useCollab({ articleId, isOn }: { articleId: number; isOn: boolean }): { view: CollabView; shared: SharedDocument | null; whenSent: () => Promise<boolean> } | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    if (!isOn) return;
    const started = new CollabSession(articleId);
    // The session lives in the browser only (IndexedDB, EventSource): it is made once the page is mounted.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(started);
    void started.start();
    return () => {
      started.stop();
      setSession(null);
    };
  }, [articleId, isOn]);
  const view = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    () => session?.current ?? null,
    () => null,
  );
  const doc = view?.isReady ? view.doc : null;
  const awareness = view?.awareness ?? null;
  const shared = useMemo(() => (doc && awareness ? { doc, awareness } : null), [doc, awareness]);
  const whenSent = useCallback(() => session?.whenSent() ?? Promise.resolve(false), [session]);
  if (!isOn || !view) return null;
  return { view, shared, whenSent };
}

const noSubscription = () => () => {};
