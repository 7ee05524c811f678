import type { NoteThread } from '@/lib/articles/notes/list-note-threads';
import type { NoteChange } from '@/lib/articles/notes/note-input-schema';

export type NewNote = { body: string; anchor?: { text: string; from: number; to: number } | null; parentId?: number | null };

export type NotesAnswer = { ok: true; threads: NoteThread[] } | { ok: false; error: string };

export type DirectoryEntry = { id: number; name: string; role: string };

/** The article's threads as the server has them. */
export function fetchThreads(articleId: number): Promise<NotesAnswer> {
  return request(`/api/desk/articles/${articleId}/notes`, { method: 'GET' });
}

export function postNote(articleId: number, note: NewNote): Promise<NotesAnswer> {
  return request(`/api/desk/articles/${articleId}/notes`, { method: 'POST', body: JSON.stringify(note) });
}

export function patchNote(articleId: number, noteId: number, change: NoteChange): Promise<NotesAnswer> {
  return request(`/api/desk/articles/${articleId}/notes/${noteId}`, { method: 'PATCH', body: JSON.stringify(change) });
}

/** Colleagues whose name contains the query, for the mention picker; empty when offline. */
export async function searchColleagues(query: string, signal?: AbortSignal): Promise<DirectoryEntry[]> {
  const response = await fetch(`/api/desk/staff-directory?q=${encodeURIComponent(query)}`, { signal });
  if (!response.ok) return [];
  const data = (await response.json()) as { staff?: DirectoryEntry[] };
  return data.staff ?? [];
}

async function request(url: string, init: RequestInit): Promise<NotesAnswer> {
  try {
    const response = await fetch(url, { ...init, headers: init.body ? { 'Content-Type': 'application/json' } : undefined, cache: 'no-store' });
    const data = (await response.json().catch(() => null)) as { threads?: NoteThread[]; error?: string } | null;
    if (response.ok && data?.threads) return { ok: true, threads: data.threads };
    return { ok: false, error: data?.error ?? 'The notes could not be reached; try again in a moment.' };
  } catch {
    return { ok: false, error: 'You seem to be offline; the notes will update when the connection returns.' };
  }
}
