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
  /** Live editing: the server saves the body from the shared document, so a save sends the body and version the server has. */
  isBodyShared?: boolean;
};

/**
 * Saves shortly after typing stops, on leaving the page, and when the connection returns. Every
 * change is first kept in this browser; it is cleared only when the server has confirmed it.
 */
export function useAutosave({ articleId, initialVersion, getState, onReplace, onIssueKept, isBodyShared = false }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const statusKind = useRef<SaveStatus['kind']>('saved');
  const version = useRef(initialVersion);
  const changeCount = useRef(0);
  const savedCount = useRef(0);
  const isSaving = useRef(false);
  const isBlocked = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const localTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flushRef = useRef<(reason: 'autosave' | 'save') => Promise<boolean>>(async () => false);
  const getStateRef = useRef(getState);
  const onReplaceRef = useRef(onReplace);
  const onIssueKeptRef = useRef(onIssueKept);
  const isBodySharedRef = useRef(isBodyShared);
  const editorId = useRef('');
  useEffect(() => {
    isBodySharedRef.current = isBodyShared;
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
      // Live, Save files the text the server holds as a version of its own, even when no other field changed.
      if (changeCount.current === savedCount.current && !(isBodySharedRef.current && reason === 'save')) return true;
      const sentAt = changeCount.current;
      const state = getStateRef.current();
      isSaving.current = true;
      show({ kind: 'saving' });
      let response: Response;
      try {
        if (isBodySharedRef.current) {
          const latest = await serverBodyOf(articleId);
          version.current = latest.version;
          state.body = latest.body;
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
      if (response.status === 409 && data.current && isBodySharedRef.current) {
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

  const markChanged = useCallback(() => {
    changeCount.current += 1;
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
      if (isBlocked.current) return;
      const body = saveBody(getStateRef.current(), 'autosave');
      if (body.length > KEEPALIVE_LIMIT_BYTES) return;
      void fetch(`/api/desk/articles/${articleId}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body, keepalive: true }).catch(() => {});
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (changeCount.current !== savedCount.current) {
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

/** The body and version the server holds now (live editing: the body is the shared document's, saved by the server). */
async function serverBodyOf(articleId: number): Promise<{ version: number; body: unknown }> {
  const response = await fetch(`/api/desk/articles/${articleId}`, { cache: 'no-store' });
  if (!response.ok) throw new Error('The article could not be read.');
  const data = (await response.json()) as { article: { version: number; body: unknown } };
  return data.article;
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
