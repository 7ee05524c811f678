'use client';

import './notes.css';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { EditorViewer } from '@/lib/articles/get-article-for-edit';
import type { NoteThread } from '@/lib/articles/notes/list-note-threads';
import { MAX_ANCHOR_TEXT_LENGTH } from '@/lib/articles/notes/note-limits';
import { findAnchor } from './find-anchor';
import { NoteComposer } from './note-composer';
import { NoteThreadItem } from './note-thread-item';
import { noteAnchorsKey, noteAnchorsPlugin, type NoteAnchorsMeta } from './note-anchors-plugin';
import { fetchThreads, patchNote, postNote, type NewNote, type NotesAnswer } from './notes-api';
import { passageText } from './passage-text';
import { Button } from '@/components/ui/button';

export type NotesPanelProps = {
  editor: Editor;
  articleId: number;
  viewer: EditorViewer;
  /** Told when a note is brought forward (its passage clicked, or linked to), so the panel can be shown. */
  onReveal?: () => void;
};

type Draft = { anchor: NonNullable<NewNote['anchor']> | null };

const SYNC_DELAY_MS = 700;
const REFRESH_EVERY_MS = 60_000;

/** Editorial notes on the article, anchored to passages of the text. */
export function NotesPanel({ editor, articleId, viewer, onReveal }: NotesPanelProps) {
  const [threads, setThreads] = useState<NoteThread[]>([]);
  const [isLoaded, setIsLoaded] = useState(false);
  const [message, setMessage] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [isShowingResolved, setIsShowingResolved] = useState(false);
  const threadsRef = useRef(threads);
  const reportedLoss = useRef(new Map<number, boolean>());
  const syncTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const syncRef = useRef<() => void>(() => {});
  const toggleId = useId();
  const onRevealRef = useRef(onReveal);
  useEffect(() => {
    onRevealRef.current = onReveal;
  });

  const adopt = useCallback((answer: NotesAnswer): string | null => {
    if (!answer.ok) return answer.error;
    threadsRef.current = answer.threads;
    setThreads(answer.threads);
    setIsLoaded(true);
    return null;
  }, []);

  useEffect(() => {
    const refresh = () => fetchThreads(articleId).then((answer) => setMessage(adopt(answer) ?? ''));
    void refresh().then(() => {
      const noteId = Number(/^#note-(\d+)$/.exec(window.location.hash)?.[1]);
      const thread = threadsRef.current.find((candidate) => candidate.id === noteId || candidate.replies.some((reply) => reply.id === noteId));
      if (!thread) return;
      if (thread.resolvedAt) setIsShowingResolved(true);
      setActiveId(thread.id);
    });
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_EVERY_MS);
    return () => {
      window.removeEventListener('focus', onFocus);
      clearInterval(timer);
    };
  }, [adopt, articleId]);

  // The highlight plugin lives as long as the panel; it tells us when passages move or are lost.
  useEffect(() => {
    const plugin = noteAnchorsPlugin({
      onChange: () => {
        clearTimeout(syncTimer.current);
        syncTimer.current = setTimeout(() => syncRef.current(), SYNC_DELAY_MS);
      },
      onActivate: setActiveId,
    });
    editor.registerPlugin(plugin);
    return () => {
      clearTimeout(syncTimer.current);
      editor.unregisterPlugin(noteAnchorsKey);
    };
  }, [editor]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    const anchors = threads.flatMap((thread) => (thread.anchor && !thread.resolvedAt ? [{ id: thread.id, ...thread.anchor }] : []));
    dispatchMeta(editor, { type: 'track', anchors });
  }, [editor, threads]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    dispatchMeta(editor, { type: 'activate', id: activeId });
    if (activeId === null) return;
    onRevealRef.current?.();
    // The panel may only now be shown; scroll once it has been laid out.
    requestAnimationFrame(() => document.getElementById(`note-${activeId}`)?.scrollIntoView({ block: 'nearest' }));
  }, [editor, activeId]);

  useEffect(() => {
    const update = () => setHasSelection(!editor.state.selection.empty);
    editor.on('selectionUpdate', update);
    return () => {
      editor.off('selectionUpdate', update);
    };
  }, [editor]);

  /** Looks for lost passages by their text, then tells the server which threads lost or regained theirs. */
  useEffect(() => {
    syncRef.current = () => {
      if (editor.isDestroyed) return;
      const tracked = noteAnchorsKey.getState(editor.state)?.anchors ?? [];
      const ranges = tracked.flatMap((anchor) => {
        if (anchor.range) return [];
        const stored = threadsRef.current.find((thread) => thread.id === anchor.id)?.anchor;
        const range = findAnchor(editor.state.doc, { text: anchor.text, from: stored?.from ?? null, to: stored?.to ?? null });
        return range ? [{ id: anchor.id, range }] : [];
      });
      if (ranges.length > 0) dispatchMeta(editor, { type: 'relocate', ranges });
      for (const anchor of noteAnchorsKey.getState(editor.state)?.anchors ?? []) {
        const isLost = anchor.range === null;
        if (reportedLoss.current.get(anchor.id) === isLost) continue;
        reportedLoss.current.set(anchor.id, isLost);
        const thread = threadsRef.current.find((candidate) => candidate.id === anchor.id);
        if (!thread || thread.isDetached === isLost) continue;
        void patchNote(articleId, anchor.id, anchor.range ? { action: 'attach', anchor: anchor.range } : { action: 'detach' }).then((answer) => {
          if (answer.ok) adopt(answer);
        });
      }
    };
  }, [adopt, articleId, editor]);

  const startOnSelection = () => {
    const { from, to, empty } = editor.state.selection;
    const text = empty ? '' : passageText(editor.state.doc, { from, to }).text;
    if (text.trim() === '') {
      setMessage('Select the words in the text you want to comment on, then choose “Comment on the selected passage”.');
      return;
    }
    if (text.length > MAX_ANCHOR_TEXT_LENGTH) {
      setMessage(`Select a shorter passage (at most ${MAX_ANCHOR_TEXT_LENGTH.toLocaleString('en')} characters) to comment on.`);
      return;
    }
    setMessage('');
    setDraft({ anchor: { text, from, to } });
  };

  const send = async (note: NewNote): Promise<string | null> => adopt(await postNote(articleId, note));

  const showPassage = (thread: NoteThread) => {
    setActiveId(thread.id);
    const range = noteAnchorsKey.getState(editor.state)?.anchors.find((anchor) => anchor.id === thread.id)?.range;
    if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  };

  const openCount = threads.filter((thread) => !thread.resolvedAt).length;
  const resolvedCount = threads.length - openCount;
  const visible = isShowingResolved ? threads : threads.filter((thread) => !thread.resolvedAt);

  return (
    <section className="notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <div className="notes-start">
        <Button onClick={startOnSelection} disabled={!hasSelection}>
          Comment on the selected passage
        </Button>
        <Button variant="quiet" onClick={() => setDraft({ anchor: null })}>
          Note on the whole article
        </Button>
      </div>
      <div aria-live="polite">
        {message ? (
          <p className="field-error" role="alert">
            {message}
          </p>
        ) : null}
      </div>
      {draft ? (
        <NoteComposer
          key={draft.anchor ? `${draft.anchor.from}-${draft.anchor.to}` : 'article'}
          label={draft.anchor ? 'Note on the selected passage' : 'Note on the whole article'}
          submitLabel="Add note"
          quote={draft.anchor?.text}
          isAutoFocused
          onCancel={() => setDraft(null)}
          onSubmit={async (body) => {
            const problem = await send({ body, anchor: draft.anchor });
            if (!problem) {
              setDraft(null);
              setActiveId(threadsRef.current[0]?.id ?? null);
            }
            return problem;
          }}
        />
      ) : null}
      <p className="meta" role="status">
        {isLoaded ? describeCounts({ openCount, resolvedCount }) : message ? '' : 'Loading notes…'}
      </p>
      {resolvedCount > 0 ? (
        <label className="notes-toggle" htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={isShowingResolved} onChange={(event) => setIsShowingResolved(event.target.checked)} /> Show resolved
        </label>
      ) : null}
      <ol className="note-threads">
        {visible.map((thread) => (
          <NoteThreadItem
            key={thread.id}
            thread={thread}
            viewerId={viewer.id}
            isActive={thread.id === activeId}
            onShowPassage={() => showPassage(thread)}
            onReply={(body) => send({ body, parentId: thread.id })}
            onResolve={async (isResolving) => adopt(await patchNote(articleId, thread.id, { action: isResolving ? 'resolve' : 'reopen' }))}
          />
        ))}
      </ol>
    </section>
  );
}

function dispatchMeta(editor: Editor, meta: NoteAnchorsMeta): void {
  editor.view.dispatch(editor.state.tr.setMeta(noteAnchorsKey, meta).setMeta('addToHistory', false));
}

function describeCounts({ openCount, resolvedCount }: { openCount: number; resolvedCount: number }): string {
  if (openCount === 0 && resolvedCount === 0) return 'No notes yet.';
  const open = `${openCount} open ${openCount === 1 ? 'thread' : 'threads'}`;
  return resolvedCount === 0 ? `${open}.` : `${open}, ${resolvedCount} resolved.`;
}
