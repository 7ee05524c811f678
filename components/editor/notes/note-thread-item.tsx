'use client';

import { useState } from 'react';
import type { NoteReply, NoteThread } from '@/lib/articles/notes/list-note-threads';
import { NoteBodyText } from './note-body-text';
import { NoteComposer } from './note-composer';
import { Button } from '@/components/ui/button';

type Props = {
  thread: NoteThread;
  viewerId: number;
  isActive: boolean;
  onShowPassage: () => void;
  onReply: (body: string) => Promise<string | null>;
  onResolve: (isResolving: boolean) => Promise<string | null>;
};

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** One thread: its passage, the note and its replies, and what may be done with it. */
export function NoteThreadItem({ thread, viewerId, isActive, onShowPassage, onReply, onResolve }: Props) {
  const [isReplying, setIsReplying] = useState(false);
  const [error, setError] = useState('');
  const isResolved = thread.resolvedAt !== null;
  const classes = ['note-thread', isActive ? 'note-thread-active' : '', isResolved ? 'note-thread-resolved' : ''].filter(Boolean).join(' ');

  const toggleResolved = async () => {
    setError((await onResolve(!isResolved)) ?? '');
  };

  return (
    <li id={`note-${thread.id}`} className={classes}>
      <article aria-label={`Note by ${nameOf(thread, viewerId)}`}>
        {thread.anchor ? (
          thread.isDetached ? (
            <blockquote className="note-quote note-quote-detached">
              <span className="visually-hidden">On the passage: </span>“{thread.anchor.text}”
            </blockquote>
          ) : (
            <button type="button" className="note-quote note-quote-button" onClick={onShowPassage}>
              <span className="visually-hidden">Show the passage: </span>“{thread.anchor.text}”
            </button>
          )
        ) : (
          <p className="note-scope">On the whole article</p>
        )}
        {thread.anchor && thread.isDetached ? <p className="note-detached">Detached — the passage was edited away</p> : null}
        <NoteEntry note={thread} viewerId={viewerId} />
        {thread.replies.length > 0 ? (
          <ol className="note-replies" aria-label="Replies">
            {thread.replies.map((reply) => (
              <li key={reply.id} id={`note-${reply.id}`}>
                <NoteEntry note={reply} viewerId={viewerId} />
              </li>
            ))}
          </ol>
        ) : null}
        {isResolved ? (
          <p className="note-resolved">
            Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.id === viewerId ? 'you' : thread.resolvedBy.name}` : ''}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {isReplying ? (
          <NoteComposer
            label="Reply"
            submitLabel="Send reply"
            isAutoFocused
            onCancel={() => setIsReplying(false)}
            onSubmit={async (body) => {
              const problem = await onReply(body);
              if (!problem) setIsReplying(false);
              return problem;
            }}
          />
        ) : (
          <div className="panel-actions">
            <Button variant="quiet" onClick={() => setIsReplying(true)}>
              Reply
            </Button>
            {thread.canResolve ? (
              <Button variant="quiet" onClick={() => void toggleResolved()}>
                {isResolved ? 'Reopen' : 'Resolve'}
              </Button>
            ) : null}
          </div>
        )}
      </article>
    </li>
  );
}

function NoteEntry({ note, viewerId }: { note: NoteReply; viewerId: number }) {
  return (
    <div className="note-entry">
      <p className="note-meta">
        <strong>{nameOf(note, viewerId)}</strong> <time dateTime={note.createdAt}>{WHEN.format(new Date(note.createdAt))}</time>
      </p>
      <NoteBodyText parts={note.parts} />
    </div>
  );
}

function nameOf(note: NoteReply, viewerId: number): string {
  if (!note.author) return 'A former colleague';
  return note.author.id === viewerId ? `${note.author.name} (you)` : note.author.name;
}
