import type { ArticleDraft } from '@/lib/articles/article-draft-schema';

/** Unsaved editor state kept in this browser until the server confirms it, so nothing is lost offline. */
export type LocalDraft = { baseVersion: number; keptAt: string; state: ArticleDraft };

const key = (articleId: number) => `masthead:unsaved-article:${articleId}`;

export function readLocalDraft(articleId: number): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(articleId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalDraft;
    return typeof parsed.baseVersion === 'number' && parsed.state ? parsed : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(articleId: number, draft: LocalDraft): boolean {
  try {
    window.localStorage.setItem(key(articleId), JSON.stringify(draft));
    return true;
  } catch {
    // Storage full or disabled: the server copy is then the only one.
    return false;
  }
}

export function clearLocalDraft(articleId: number): void {
  try {
    window.localStorage.removeItem(key(articleId));
  } catch {
    // Nothing to clear.
  }
}
