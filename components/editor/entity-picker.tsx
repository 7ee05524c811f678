'use client';

import { useEffect, useId, useState } from 'react';
import { createEntity, searchEntities, type NewEntityKind, type PickerEntity } from './entity-search';
import { Button } from '@/components/ui/button';

type Props = {
  label: string;
  initialQuery?: string;
  onPick: (entity: PickerEntity) => void;
  onCancel?: () => void;
};

const NEW_KINDS: { kind: NewEntityKind; label: string }[] = [
  { kind: 'person', label: 'person' },
  { kind: 'organization', label: 'organization' },
  { kind: 'treaty', label: 'treaty' },
  { kind: 'topic', label: 'topic' },
];

/** Finds an entity by name or alias, or creates one on the spot. */
export function EntityPicker({ label, initialQuery = '', onPick, onCancel }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<PickerEntity[]>([]);
  const [error, setError] = useState('');
  const inputId = useId();
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchEntities(query, controller.signal)
        .then(setResults)
        .catch(() => {});
    }, 150);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query]);
  const create = async (kind: NewEntityKind) => {
    setError('');
    try {
      onPick(await createEntity({ kind, name: query.trim() }));
    } catch (createError) {
      setError((createError as Error).message);
    }
  };
  return (
    <div className="editor-panel" role="group" aria-label={label}>
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} value={query} onChange={(event) => setQuery(event.target.value)} autoFocus autoComplete="off" />
      <ul className="picker-results">
        {results.map((entity) => (
          <li key={entity.id}>
            <button type="button" onClick={() => onPick(entity)}>
              <strong>{entity.name}</strong> <span className="meta">{entity.detail}</span>
            </button>
          </li>
        ))}
      </ul>
      {query.trim().length > 1 ? (
        <p className="meta">
          Not there? Create “{query.trim()}” as{' '}
          {NEW_KINDS.map((option, index) => (
            <span key={option.kind}>
              {index > 0 ? ', ' : ''}
              <Button variant="quiet" onClick={() => void create(option.kind)}>
                a {option.label}
              </Button>
            </span>
          ))}
          .
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {onCancel ? (
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
    </div>
  );
}
