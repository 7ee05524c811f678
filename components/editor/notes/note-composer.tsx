'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_NOTE_LENGTH } from '@/lib/articles/notes/note-limits';
import { searchColleagues, type DirectoryEntry } from './notes-api';
import { withMentionTokens } from './with-mention-tokens';
import { Button } from '@/components/ui/button';

type Props = {
  label: string;
  submitLabel: string;
  /** The passage the note is about, shown above the field. */
  quote?: string | null;
  /** Sends the note; resolves to an error sentence, or null when it was added. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
  isAutoFocused?: boolean;
};

type MentionQuery = { start: number; end: number; query: string };

const MENTION_AT_CARET = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}][\p{L}\p{N} .'’-]{0,40})?$/u;

/** A note or reply field; typing `@` and a few letters offers colleagues to mention. */
export function NoteComposer({ label, submitLabel, quote, onSubmit, onCancel, isAutoFocused = false }: Props) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<DirectoryEntry[]>([]);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [colleagues, setColleagues] = useState<DirectoryEntry[]>([]);
  const [error, setError] = useState('');
  const [isSending, setIsSending] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const ids = { field: useId(), hint: useId(), people: useId() };

  useEffect(() => {
    if (!mention) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchColleagues(mention.query, controller.signal)
        .then(setColleagues)
        .catch(() => {});
    }, 150);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [mention]);

  const change = (value: string, caret: number) => {
    setText(value);
    const match = MENTION_AT_CARET.exec(value.slice(0, caret));
    if (!match) {
      setMention(null);
      return;
    }
    const query = match[1] ?? '';
    setMention({ start: caret - query.length - 1, end: caret, query });
  };

  const choose = (person: DirectoryEntry) => {
    if (!mention) return;
    const inserted = `@${person.name} `;
    const next = text.slice(0, mention.start) + inserted + text.slice(mention.end);
    setText(next);
    setPicked((current) => (current.some((other) => other.id === person.id) ? current : [...current, person]));
    setMention(null);
    const caret = mention.start + inserted.length;
    requestAnimationFrame(() => {
      fieldRef.current?.focus();
      fieldRef.current?.setSelectionRange(caret, caret);
    });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === '') {
      setError('Write the note before sending it.');
      return;
    }
    setIsSending(true);
    const problem = await onSubmit(withMentionTokens({ text, picked }));
    setIsSending(false);
    setError(problem ?? '');
    if (problem) return;
    setText('');
    setPicked([]);
    setMention(null);
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && mention) {
      event.preventDefault();
      setMention(null);
    }
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const isPicking = mention !== null && colleagues.length > 0;
  return (
    <form className="note-composer" onSubmit={(event) => void submit(event)}>
      {quote ? (
        <blockquote className="note-quote">
          <span className="visually-hidden">On the passage: </span>“{quote}”
        </blockquote>
      ) : null}
      <label htmlFor={ids.field}>{label}</label>
      <textarea
        id={ids.field}
        ref={fieldRef}
        value={text}
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        aria-describedby={ids.hint}
        autoFocus={isAutoFocused}
        onChange={(event) => change(event.target.value, event.target.selectionStart)}
        onKeyDown={keyDown}
      />
      <p className="hint" id={ids.hint}>
        Type @ and a name to mention a colleague; they are told by email and in their inbox.
      </p>
      {isPicking ? (
        <ul className="mention-results" id={ids.people} aria-label="Colleagues to mention">
          {colleagues.map((person) => (
            <li key={person.id}>
              <button type="button" onClick={() => choose(person)}>
                Mention {person.name} <span className="meta">{person.role}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="panel-actions">
        <Button type="submit" isBusy={isSending} busyLabel="Sending…">
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="quiet" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
