'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NewEntityKind } from './entity-search';
import { positionedText } from './text-positions';

export type KnownSuggestion = { id: number; kind: NewEntityKind; name: string; slug: string; count: number; firstIndex: number; matched: string[] };
export type NameSuggestion = { name: string; kind: 'person' | 'organization'; role?: string; context: string };

const REFRESH_DELAY_MS = 1500;

/** Asks the server which entities the text names and which new names it holds, shortly after each change; remembers dismissals. */
export function useTagSuggestions({ editor, articleId, changeTick }: { editor: Editor; articleId: number; changeTick: number }) {
  const [known, setKnown] = useState<KnownSuggestion[]>([]);
  const [candidates, setCandidates] = useState<NameSuggestion[]>([]);
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  const requestCount = useRef(0);

  useEffect(() => {
    fetch(`/api/desk/articles/${articleId}/dismissals`)
      .then((response) => (response.ok ? response.json() : { keys: [] }))
      .then((data: { keys?: string[] }) => setDismissed(new Set(data.keys ?? [])))
      .catch(() => {});
  }, [articleId]);

  const refresh = useCallback(async () => {
    const { text } = positionedText(editor.state.doc);
    const request = ++requestCount.current;
    if (text.trim() === '') {
      setKnown([]);
      setCandidates([]);
      return;
    }
    try {
      const response = await fetch('/api/desk/entities/suggest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }),
      });
      const data = (await response.json()) as { known?: KnownSuggestion[]; candidates?: NameSuggestion[]; error?: string };
      if (request !== requestCount.current) return;
      if (!response.ok) {
        setMessage(data.error ?? 'Suggestions are not available right now.');
        return;
      }
      setMessage('');
      setKnown(data.known ?? []);
      setCandidates(data.candidates ?? []);
    } catch {
      if (request === requestCount.current) setMessage('Suggestions are not available offline.');
    }
  }, [editor]);

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [changeTick, refresh]);

  /** Hides the suggestions at once and remembers them as dismissed for this article, in one request. */
  const dismiss = async (keys: string[]) => {
    setDismissed((current) => new Set([...current, ...keys]));
    try {
      const response = await fetch(`/api/desk/articles/${articleId}/dismissals`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(keys.length === 1 ? { key: keys[0] } : { keys }),
      });
      if (!response.ok) setMessage(((await response.json().catch(() => ({}))) as { error?: string }).error ?? 'The dismissal was not kept; it may come back on reload.');
    } catch {
      setMessage('The dismissal was not kept (offline); it may come back on reload.');
    }
  };

  const forgetCandidate = (candidate: NameSuggestion) => setCandidates((current) => current.filter((other) => other !== candidate));

  return { known, candidates, dismissed, message, setMessage, dismiss, forgetCandidate };
}
