'use client';

import type { Editor } from '@tiptap/react';
import { useId, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { createEntity } from './entity-search';
import { tagFirstMentions, tagText } from './tag-text';
import { useTagSuggestions, type KnownSuggestion, type NameSuggestion } from './use-tag-suggestions';
import { Button } from '@/components/ui/button';

type Props = {
  editor: Editor;
  articleId: number;
  /** Bumps whenever the text changes, so suggestions follow the writing. */
  changeTick: number;
};

type Item = { key: string; label: string } & ({ known: KnownSuggestion } | { candidate: NameSuggestion });

/**
 * Entities the text names but has not tagged, and new names worth adding to the knowledge base. The list is
 * one tab stop: arrow keys move between suggestions, Enter or Space accepts one, Delete dismisses it.
 */
export function TagSuggestions({ editor, articleId, changeTick }: Props) {
  const { known, candidates, dismissed, message, setMessage, dismiss, forgetCandidate } = useTagSuggestions({ editor, articleId, changeTick });
  const [, showTextChange] = useReducer((count: number) => count + 1, 0);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const hintId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const tagged = new Set<number>();
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'entityMention') tagged.add(Number(node.attrs.entityId));
  });
  const visibleKnown = known.filter((entity) => !tagged.has(entity.id) && !dismissed.has(`entity:${entity.id}`));
  const visibleCandidates = candidates.filter((candidate) => !dismissed.has(`name:${candidate.name.toLowerCase()}`));
  const items: Item[] = [
    ...visibleKnown.map((entity) => ({ key: `entity:${entity.id}`, label: `Suggestion: ${entity.name}`, known: entity })),
    ...visibleCandidates.map((candidate) => ({ key: `name:${candidate.name.toLowerCase()}`, label: `New name: ${candidate.name}`, candidate })),
  ];
  const tabStopKey = items.some((item) => item.key === activeKey) ? activeKey : (items[0]?.key ?? null);

  const tag = (entity: KnownSuggestion, isEveryOccurrence: boolean) => {
    const count = tagText({ editor, entity, forms: entity.matched, isEveryOccurrence });
    setMessage(count === 0 ? `“${entity.name}” could not be found as plain text any more.` : '');
    showTextChange();
  };

  const addCandidate = async (candidate: NameSuggestion) => {
    try {
      const entity = await createEntity({ kind: candidate.kind, name: candidate.name, role: candidate.role });
      tagText({ editor, entity, forms: [candidate.name], isEveryOccurrence: false });
      forgetCandidate(candidate);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  const accept = (item: Item) => ('candidate' in item ? void addCandidate(item.candidate) : tag(item.known, false));

  /** Moves focus (and the list's tab stop) to another suggestion. */
  const focusItem = (item: Item | undefined) => {
    if (!item) return;
    setActiveKey(item.key);
    itemRefs.current.get(item.key)?.focus();
  };

  const acceptAll = () => {
    const taggedIds = tagFirstMentions({ editor, tags: visibleKnown.map((entity) => ({ entity, forms: entity.matched })) });
    const missed = visibleKnown.length - taggedIds.length;
    setMessage(`Tagged ${taggedIds.length} ${taggedIds.length === 1 ? 'entity' : 'entities'}.${missed > 0 ? ` ${missed} could not be found as plain text any more.` : ''}`);
    showTextChange();
  };

  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget) return;
    const item = items[index]!;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 };
    const move = moves[event.key];
    const isAccept = event.key === 'Enter' || event.key === ' ';
    const isDismiss = event.key === 'Delete' || event.key === 'Backspace';
    if (move === undefined && !isAccept && !isDismiss) return;
    event.preventDefault();
    if (move !== undefined) return focusItem(items[Math.max(0, Math.min(move, items.length - 1))]);
    // The suggestion that takes this one's place gets the focus; after the last one, the panel's heading.
    const next = items[index + 1] ?? items[index - 1];
    if (next) focusItem(next);
    else headingRef.current?.focus();
    if (isAccept) accept(item);
    else void dismiss([item.key]);
  };

  return (
    <section className="tag-suggestions" aria-labelledby="tag-suggestions-title">
      <h2 id="tag-suggestions-title" ref={headingRef} tabIndex={-1}>
        Tag suggestions
      </h2>
      <div aria-live="polite">{message ? <p className="meta">{message}</p> : null}</div>
      {items.length === 0 ? (
        <p className="meta">Nothing to suggest yet.</p>
      ) : (
        <>
          <div className="panel-actions">
            <Button onClick={acceptAll} disabled={visibleKnown.length === 0}>
              Accept all
            </Button>
            <Button variant="quiet" onClick={() => void dismiss(items.map((item) => item.key))}>
              Reject all
            </Button>
          </div>
          <p className="hint" id={hintId}>
            Accept all tags the first mention of each known entity; new names are added one at a time. In the list, arrow keys move, Enter or Space accepts, Delete dismisses.
          </p>
        </>
      )}
      <ul className="suggestion-list" aria-label="Suggested tags" aria-describedby={hintId}>
        {items.map((item, index) => {
          const isTabStop = item.key === tabStopKey;
          return (
            <li
              key={item.key}
              ref={(element) => {
                if (element) itemRefs.current.set(item.key, element);
                else itemRefs.current.delete(item.key);
              }}
              aria-label={item.label}
              tabIndex={isTabStop ? 0 : -1}
              onFocus={() => setActiveKey(item.key)}
              onKeyDown={(event) => onItemKeyDown(event, index)}
            >
              {'known' in item ? (
                <KnownRow entity={item.known} isTabbable={isTabStop} onTag={tag} onDismiss={() => void dismiss([item.key])} />
              ) : (
                <NameRow candidate={item.candidate} isTabbable={isTabStop} onAdd={() => void addCandidate(item.candidate)} onDismiss={() => void dismiss([item.key])} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function KnownRow({ entity, isTabbable, onTag, onDismiss }: { entity: KnownSuggestion; isTabbable: boolean; onTag: (entity: KnownSuggestion, isEveryOccurrence: boolean) => void; onDismiss: () => void }) {
  const tabIndex = isTabbable ? 0 : -1;
  return (
    <>
      <span>
        <strong>{entity.name}</strong> <span className="meta">{entity.kind} · {entity.count}×</span>
      </span>
      <span className="suggestion-actions">
        <Button variant="quiet" tabIndex={tabIndex} onClick={() => onTag(entity, false)}>
          Tag first mention
        </Button>
        <Button variant="quiet" tabIndex={tabIndex} onClick={() => onTag(entity, true)}>
          Tag all
        </Button>
        <Button variant="quiet" tabIndex={tabIndex} onClick={onDismiss} aria-label={`Dismiss ${entity.name}`}>
          Dismiss
        </Button>
      </span>
    </>
  );
}

function NameRow({ candidate, isTabbable, onAdd, onDismiss }: { candidate: NameSuggestion; isTabbable: boolean; onAdd: () => void; onDismiss: () => void }) {
  const tabIndex = isTabbable ? 0 : -1;
  return (
    <>
      <span>
        <strong>{candidate.name}</strong>{' '}
        <span className="meta">
          new {candidate.kind}
          {candidate.role ? `, ${candidate.role}` : ''}
        </span>
      </span>
      <span className="suggestion-actions">
        <Button variant="quiet" tabIndex={tabIndex} onClick={onAdd}>
          Add as {candidate.kind}
        </Button>
        <Button variant="quiet" tabIndex={tabIndex} onClick={onDismiss} aria-label={`Dismiss ${candidate.name}`}>
          Dismiss
        </Button>
      </span>
    </>
  );
}
