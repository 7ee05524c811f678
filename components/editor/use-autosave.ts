'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleDraft } from '@/lib/articles/article-draft-schema';
import type { ArticleVersion } from '@/lib/articles/diff-article-versions';
import type { ServerCopy } from '@/lib/articles/save-article';
import { stableJsonKey } from '@/lib/content/stable-json-key';
import { clearLocalDraft, writeLocalDraft } from './local-draft-store';

export type SaveStatus =
  | { kind: 'saved'; at: string | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'conflict'; current: ServerCopy; mine: ArticleDraft }
  | { kind: 'error'; message: string; fieldErrors: Record<string, string> };

const AUTOSAVE_DELAY_MS = 1200;
const RETRY_DELAY_MS = 5000;
const LOCAL_WRITE_DELAY_MS = 400;
const KEEPALIVE_LIMIT_BYTES = 60_000;

type Options = {
  articleId: number;
  initialVersion: number;
  getState: () => ArticleDraft;
  /** Replaces the editor's whole state with the server's (after "take theirs"). */
  onReplace: (state: ArticleDraft, version: number) => void;
  /** After a save: the issue the server kept, which the planner may have changed meanwhile. */
  onIssueKept?: (kept: { sent: number | null; issueId: number | null }) => void;
  /**
   * Live editing: the body is the shared document, which the server writes. A save waits until the
   * server has every change made here, has it write the text, and sends the other fields on top.
   */
  sharedBody?: { whenSent: () => Promise<boolean> } | null;
};

/** What changed: anything, or (live) only the shared text, which needs no save of the other fields. */
export type ChangedPart = 'all' | 'shared-body';

/**
 * Saves shortly after typing stops, on leaving the page, and when the connection returns. Every
 * change is first kept in this browser; it is cleared only when the server has confirmed it.
 */
export function useAutosave({ articleId, initialVersion, getState, onReplace, onIssueKept, sharedBody = null }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const statusKind = useRef<SaveStatus['kind']>('saved');
  const version = useRef(initialVersion);
  const changeCount = useRef(0);
  const savedCount = useRef(0);
  /** Changes to anything but the shared text, counted apart: live, only these need the editor's own PUT. */
  const fieldChangeCount = useRef(0);
  const savedFieldCount = useRef(0);
  const isSaving = useRef(false);
  const isBlocked = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const localTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flushRef = useRef<(reason: 'autosave' | 'save') => Promise<boolean>>(async () => false);
  const getStateRef = useRef(getState);
  const onReplaceRef = useRef(onReplace);
  const onIssueKeptRef = useRef(onIssueKept);
  const sharedBodyRef = useRef(sharedBody);
  const editorId = useRef('');
  useEffect(() => {
    sharedBodyRef.current = sharedBody;
    getStateRef.current = getState;
    onReplaceRef.current = onReplace;
    onIssueKeptRef.current = onIssueKept;
  });

  const show = useCallback((next: SaveStatus) => {
    statusKind.current = next.kind;
    setStatus(next);
  }, []);

  /** The save request for some state; the editor id is made on first use, so server rendering never needs one. */
  const saveBody = useCallback((state: ArticleDraft, reason: 'autosave' | 'save' | 'conflict') => {
    editorId.current ||= randomEditorId();
    return JSON.stringify({ ...state, baseVersion: version.current, reason, editorId: editorId.current });
  }, []);

  const keepLocally = useCallback(() => {
    writeLocalDraft(articleId, { baseVersion: version.current, keptAt: new Date().toISOString(), state: getStateRef.current() });
  }, [articleId]);

  const flush = useCallback(
    async (reason: 'autosave' | 'save'): Promise<boolean> => {
      clearTimeout(saveTimer.current);
      if (isBlocked.current) return false;
      if (isSaving.current) {
        saveTimer.current = setTimeout(() => void flushRef.current(reason), 300);
        return false;
      }
      const shared = sharedBodyRef.current;
      // Live, Save files the text the server holds as a version of its own, even when no other field changed.
      if (changeCount.current === savedCount.current && !(shared && reason === 'save')) return true;
      const sentAt = changeCount.current;
      const fieldsSentAt = fieldChangeCount.current;
      const state = getStateRef.current();
      isSaving.current = true;
      show({ kind: 'saving' });
      let response: Response;
      try {
        if (shared) {
          const written = await writeSharedBody({ articleId, shared });
          if (!written.ok) {
            isSaving.current = false;
            if (written.isOffline) {
              show({ kind: 'offline' });
              saveTimer.current = setTimeout(() => void flushRef.current(reason), RETRY_DELAY_MS);
            } else show({ kind: 'error', message: written.error, fieldErrors: {} });
            return false;
          }
          version.current = written.version;
          state.body = written.body as ArticleDraft['body'];
          if (reason === 'autosave' && fieldsSentAt === savedFieldCount.current) {
            // Only the shared text changed, and the server has just written it: nothing else to send.
            isSaving.current = false;
            savedCount.current = sentAt;
            if (changeCount.current === sentAt) show({ kind: 'saved', at: written.savedAt });
            else saveTimer.current = setTimeout(() => void flushRef.current('autosave'), AUTOSAVE_DELAY_MS);
            return true;
          }
        }
        response = await fetch(`/api/desk/articles/${articleId}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: saveBody(state, reason),
        });
      } catch {
        isSaving.current = false;
        keepLocally();
        show({ kind: 'offline' });
        saveTimer.current = setTimeout(() => void flushRef.current('autosave'), RETRY_DELAY_MS);
        return false;
      }
      isSaving.current = false;
      const data = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        version?: number;
        savedAt?: string;
        issueId?: number | null;
        error?: string;
        current?: ServerCopy;
        fieldErrors?: Record<string, string>;
      };
      if (response.ok && data.version) {
        version.current = data.version;
        savedCount.current = sentAt;
        savedFieldCount.current = fieldsSentAt;
        if (data.issueId !== undefined) onIssueKeptRef.current?.({ sent: state.issueId, issueId: data.issueId });
        if (changeCount.current === sentAt) {
          clearLocalDraft(articleId);
          show({ kind: 'saved', at: data.savedAt ?? new Date().toISOString() });
        } else {
          keepLocally();
          saveTimer.current = setTimeout(() => void flushRef.current('autosave'), AUTOSAVE_DELAY_MS);
        }
        return true;
      }
      keepLocally();
      if (response.status === 409 && data.current && shared) {
        // The server saved the shared text in between: these fields go on top of that.
        saveTimer.current = setTimeout(() => void flushRef.current(reason), 0);
        return false;
      }
      if (response.status === 409 && data.current && isSameText(state, data.current)) {
        // The server already has exactly this text (a save sent while leaving the page got there): build on it.
        version.current = data.current.version;
        saveTimer.current = setTimeout(() => void flushRef.current('save'), 0);
        return false;
      }
      if (response.status === 409 && data.current) {
        isBlocked.current = true;
        show({ kind: 'conflict', current: data.current, mine: state });
        return false;
      }
      if (response.status >= 500) {
        show({ kind: 'offline' });
        saveTimer.current = setTimeout(() => void flushRef.current('autosave'), RETRY_DELAY_MS * 2);
        return false;
      }
      show({ kind: 'error', message: data.error ?? 'The article could not be saved.', fieldErrors: data.fieldErrors ?? {} });
      return false;
    },
    [articleId, keepLocally, saveBody, show],
  );
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const markChanged = useCallback((part: ChangedPart = 'all') => {
    changeCount.current += 1;
    if (part === 'all') fieldChangeCount.current += 1;
    if (statusKind.current === 'saved' || statusKind.current === 'error') show({ kind: 'dirty' });
    clearTimeout(localTimer.current);
    localTimer.current = setTimeout(keepLocally, LOCAL_WRITE_DELAY_MS);
    if (isBlocked.current) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void flush('autosave'), AUTOSAVE_DELAY_MS);
  }, [flush, keepLocally, show]);

  /**
   * Conflict: save the text put together from both versions on top of the other person's. Unless it is
   * exactly mine, mine is filed in the history first. Answers with a sentence to show when it could not.
   */
  const saveMerged = useCallback(
    async (merged: ArticleVersion): Promise<string | null> => {
      if (status.kind !== 'conflict') return null;
      const mine = getStateRef.current();
      if (!isSameText(mine, { ...merged, slug: mine.slug })) {
        const aside = await fetch(`/api/desk/articles/${articleId}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: saveBody(mine, 'conflict') }).catch(() => null);
        if (!aside?.ok) return 'Your version could not be filed in the history, so nothing was changed; check the connection and try again.';
      }
      onReplaceRef.current({ ...mine, ...merged }, status.current.version);
      isBlocked.current = false;
      version.current = status.current.version;
      savedCount.current = -1;
      await flush('save');
      return null;
    },
    [articleId, flush, saveBody, status],
  );

  /** Conflict: file mine in the history, then load theirs into the editor. */
  const takeTheirs = useCallback(async () => {
    const mine = getStateRef.current();
    show({ kind: 'saving' });
    try {
      const aside = await fetch(`/api/desk/articles/${articleId}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: saveBody(mine, 'conflict'),
      });
      if (!aside.ok) throw new Error('not kept');
      const latest = await fetch(`/api/desk/articles/${articleId}`, { cache: 'no-store' });
      const data = (await latest.json()) as { article: ArticleDraft & { version: number; authors: { id: number }[]; featuredImage: { id: number } | null } };
      const article = data.article;
      version.current = article.version;
      onReplaceRef.current(
        {
          title: article.title,
          dek: article.dek,
          slug: article.slug,
          body: article.body,
          sectionId: article.sectionId,
          issueId: article.issueId,
          authorContributorIds: article.authors.map((author) => author.id),
          seoTitle: article.seoTitle,
          seoDescription: article.seoDescription,
          featuredMediaId: article.featuredImage?.id ?? null,
        },
        article.version,
      );
      savedCount.current = changeCount.current;
      isBlocked.current = false;
      clearLocalDraft(articleId);
      show({ kind: 'saved', at: new Date().toISOString() });
    } catch {
      show({ kind: 'offline' });
    }
  }, [articleId, saveBody, show]);

  useEffect(() => {
    const onOnline = () => void flush('autosave');
    const onLeave = () => {
      if (changeCount.current === savedCount.current) return;
      keepLocally();
      // Live, the shared text is on this device and goes to the server on its own.
      if (sharedBodyRef.current && fieldChangeCount.current === savedFieldCount.current) return;
      if (isBlocked.current) return;
      const body = saveBody(getStateRef.current(), 'autosave');
      if (body.length > KEEPALIVE_LIMIT_BYTES) return;
      void fetch(`/api/desk/articles/${articleId}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body, keepalive: true }).catch(() => {});
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Live, the shared text stays on this device until the server has it: only other fields need the warning.
      const isOnlySharedText = Boolean(sharedBodyRef.current) && fieldChangeCount.current === savedFieldCount.current;
      if (changeCount.current !== savedCount.current && !isOnlySharedText) {
        keepLocally();
        event.preventDefault();
      }
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [articleId, flush, keepLocally, saveBody]);

  /** After restoring changes kept on this device: save them against the version they started from. */
  const adoptVersion = useCallback((baseVersion: number) => {
    version.current = baseVersion;
  }, []);

  return { status, markChanged, saveNow: () => flush('save'), saveMerged, takeTheirs, adoptVersion };
}

type WrittenBody = { ok: true; version: number; body: unknown; savedAt: string } | { ok: false; isOffline: boolean; error: string };

/**
 * Live editing: once the server has every change made here, it writes the article's text from the
 * shared document; the version and body it stored come back, for the other fields to build on.
 */
async function writeSharedBody({ articleId, shared }: { articleId: number; shared: { whenSent: () => Promise<boolean> } }): Promise<WrittenBody> {
  const offline = { ok: false, isOffline: true, error: 'Offline: changes are kept on this device.' } as const;
  if (!(await shared.whenSent())) return offline;
  let response: Response;
  try {
    response = await fetch(`/api/desk/articles/${articleId}/collab/save`, { method: 'POST', cache: 'no-store' });
  } catch {
    return offline;
  }
  const data = (await response.json().catch(() => ({}))) as { version?: number; body?: unknown; savedAt?: string; error?: string };
  if (response.ok && data.version) return { ok: true, version: data.version, body: data.body, savedAt: data.savedAt ?? new Date().toISOString() };
  if (response.status >= 500 || response.status === 409) return offline;
  return { ok: false, isOffline: false, error: data.error ?? 'The text could not be saved.' };
}

/** A random id for this open editor, sent with its saves; made without `crypto.randomUUID`, which plain-http hosts lack. */
function randomEditorId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isSameText(state: ArticleDraft, current: Pick<ServerCopy, 'title' | 'dek' | 'slug' | 'body'>): boolean {
  return (
    state.title === current.title &&
    state.dek === current.dek &&
    state.slug === current.slug &&
    stableJsonKey(state.body) === stableJsonKey(current.body)
  );
}
