'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createEntity, type NewEntityKind } from './entity-search';
import { tagText } from './tag-text';
import { positionedText } from './text-positions';

type Known = { id: number; kind: NewEntityKind; name: string; slug: string; count: number; firstIndex: number; matched: string[] };
type Candidate = { name: string; kind: 'person' | 'organization'; role?: string; context: string };

type Props = {
  editor: Editor;
  articleId: number;
  /** Bumps whenever the text changes, so suggestions follow the writing. */
  changeTick: number;
  onDismissedChange?: (keys: string[]) => void;
};

const REFRESH_DELAY_MS = 1500;

/** Entities the text names but has not tagged, and new names worth adding to the knowledge base. */
export function TagSuggestions({ editor, articleId, changeTick }: Props) {
  const [known, setKnown] = useState<Known[]>([]);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
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
      const data = (await response.json()) as { known?: Known[]; candidates?: Candidate[]; error?: string };
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

  const dismiss = (key: string) => {
    setDismissed((current) => new Set([...current, key]));
    void fetch(`/api/desk/articles/${articleId}/dismissals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key }),
    });
  };

  const tagged = new Set<number>();
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'entityMention') tagged.add(Number(node.attrs.entityId));
  });
  const visibleKnown = known.filter((entity) => !tagged.has(entity.id) && !dismissed.has(`entity:${entity.id}`));
  const visibleCandidates = candidates.filter((candidate) => !dismissed.has(`name:${candidate.name.toLowerCase()}`));

  const tag = (entity: Known, isEveryOccurrence: boolean) => {
    const count = tagText({ editor, entity, forms: entity.matched, isEveryOccurrence });
    setMessage(count === 0 ? `“${entity.name}” could not be found as plain text any more.` : '');
  };

  const accept = async (candidate: Candidate) => {
    try {
      const entity = await createEntity({ kind: candidate.kind, name: candidate.name, role: candidate.role });
      tagText({ editor, entity, forms: [candidate.name], isEveryOccurrence: false });
      setCandidates((current) => current.filter((other) => other !== candidate));
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <section className="tag-suggestions" aria-labelledby="tag-suggestions-title">
      <h2 id="tag-suggestions-title">Tag suggestions</h2>
      <div aria-live="polite">{message ? <p className="meta">{message}</p> : null}</div>
      {visibleKnown.length === 0 && visibleCandidates.length === 0 ? <p className="meta">Nothing to suggest yet.</p> : null}
      <ul className="suggestion-list">
        {visibleKnown.map((entity) => (
          <li key={entity.id} aria-label={`Suggestion: ${entity.name}`}>
            <span>
              <strong>{entity.name}</strong> <span className="meta">{entity.kind} · {entity.count}×</span>
            </span>
            <span className="suggestion-actions">
              <button type="button" className="link-button" onClick={() => tag(entity, false)}>
                Tag first mention
              </button>
              <button type="button" className="link-button" onClick={() => tag(entity, true)}>
                Tag all
              </button>
              <button type="button" className="link-button" onClick={() => dismiss(`entity:${entity.id}`)} aria-label={`Dismiss ${entity.name}`}>
                Dismiss
              </button>
            </span>
          </li>
        ))}
        {visibleCandidates.map((candidate) => (
          <li key={`name:${candidate.name}`} aria-label={`New name: ${candidate.name}`}>
            <span>
              <strong>{candidate.name}</strong>{' '}
              <span className="meta">
                new {candidate.kind}
                {candidate.role ? `, ${candidate.role}` : ''}
              </span>
            </span>
            <span className="suggestion-actions">
              <button type="button" className="link-button" onClick={() => void accept(candidate)}>
                Add as {candidate.kind}
              </button>
              <button type="button" className="link-button" onClick={() => dismiss(`name:${candidate.name.toLowerCase()}`)} aria-label={`Dismiss ${candidate.name}`}>
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
