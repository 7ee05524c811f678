'use client';

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SaveStatus } from '../use-autosave';
import { CollabSession, type CollabView } from './collab-session';

export type SharedDocument = Pick<CollabView, 'doc' | 'awareness'>;

/** What the editor page shows of the session: all but whether each change has reached the server, which changes with every keystroke. */
export type CollabState = Omit<CollabView, 'isSent' | 'sentAt'>;

export type Collab = { view: CollabState; shared: SharedDocument | null; whenSent: () => Promise<boolean>; session: CollabSession };

/**
 * The article's shared document while live editing is on and the writer may edit: the session
 * that keeps it in step with the server, and what the editor shows of it. Null when off.
 * The page re-renders only when the connection, the people here or the document change; the save
 * line follows each change's trip to the server on its own (`useLiveSaveStatus`).
 */
export function useCollab({ articleId, isOn }: { articleId: number; isOn: boolean }): Collab | null {
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
    () => (session ? steadyStateOf(session) : null),
    () => null,
  );
  const doc = view?.isReady ? view.doc : null;
  const awareness = view?.awareness ?? null;
  const shared = useMemo(() => (doc && awareness ? { doc, awareness } : null), [doc, awareness]);
  const whenSent = useCallback(() => session?.whenSent() ?? Promise.resolve(false), [session]);
  if (!isOn || !view || !session) return null;
  return { view, shared, whenSent, session };
}

/**
 * The save line while editing live: the editor's own status, unless changes made here have not all
 * reached the server yet (saving, or offline), and the time the last one did.
 */
export function useLiveSaveStatus({ session, own }: { session: CollabSession; own: SaveStatus }): SaveStatus {
  const view = useSyncExternalStore(session.subscribe, () => session.current, () => session.current);
  if (own.kind !== 'saved') return own;
  if (view.connection === 'offline' && !view.isSent) return { kind: 'offline' };
  if (!view.isSent) return { kind: 'saving' };
  if (!view.sentAt) return own;
  return { kind: 'saved', at: own.at && own.at > view.sentAt ? own.at : view.sentAt };
}

const steadyStates = new WeakMap<CollabSession, CollabState>();

/** The session's view without `isSent` and `sentAt`; the same object as before while nothing else changed. */
function steadyStateOf(session: CollabSession): CollabState {
  const { doc, awareness, generation, isReady, connection, others, message } = session.current;
  const state: CollabState = { doc, awareness, generation, isReady, connection, others, message };
  const last = steadyStates.get(session);
  if (last && (Object.keys(state) as (keyof CollabState)[]).every((key) => Object.is(last[key], state[key]))) return last;
  steadyStates.set(session, state);
  return state;
}

const noSubscription = () => () => {};
