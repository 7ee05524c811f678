import 'server-only';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import type { CollabCaret } from './collab-awareness-schema';
import { checkCollabWriter } from './collab-writer';

/** A writer's caret is forgotten when their editor has not repeated it for this long (a closed laptop). */
export const AWARENESS_TTL_MS = 30_000;

/** Caret colours, picked by staff id so a person keeps theirs; all readable behind white label text. */
const CARET_COLOURS = ['#b4232a', '#1d5fa8', '#2f7d32', '#8a3ea5', '#b35900', '#00757a', '#a3246b', '#5b5f12'];

export type Presence = { origin: string; userId: number; name: string; color: string; caret: CollabCaret | null };
type Entry = Presence & { at: number };
type Room = { entries: Map<string, Entry>; listeners: Set<() => void> };

// On globalThis, so the route handlers bundled apart share one list per article in a process.
const registry = globalThis as typeof globalThis & { mastheadCollabAwareness?: Map<number, Room> };
const rooms = (registry.mastheadCollabAwareness ??= new Map<number, Room>());

export function caretColourOf(userId: number): string {
  return CARET_COLOURS[userId % CARET_COLOURS.length]!;
}

/**
 * Keeps where a writer's caret is in one open editor (its `origin`), under the name and colour the
 * server knows them by, and wakes the streams of the others. `caret: null` with `leaving` removes it.
 */
export function shareAwareness({
  articleId,
  actor,
  origin,
  caret,
  leaving = false,
  now = Date.now(),
}: {
  articleId: number;
  actor: StaffIdentity;
  origin: string;
  caret: CollabCaret | null;
  leaving?: boolean;
  now?: number;
}): Presence | null {
  checkCollabWriter({ articleId, actor });
  const room = roomOf(articleId);
  const previous = room.entries.get(origin);
  // An editor's window id belongs to whoever first used it: another account cannot move their caret.
  if (previous && previous.userId !== actor.id) return null;
  if (leaving) {
    room.entries.delete(origin);
    room.listeners.forEach((wake) => wake());
    return null;
  }
  const entry: Entry = { origin, userId: actor.id, name: actor.name, color: caretColourOf(actor.id), caret, at: now };
  room.entries.set(origin, entry);
  room.listeners.forEach((wake) => wake());
  return presenceOf(entry);
}

/** The other open editors of the article, with their carets, oldest first; stale ones are dropped. */
export function othersHere({ articleId, origin, now = Date.now() }: { articleId: number; origin: string; now?: number }): Presence[] {
  const room = rooms.get(articleId);
  if (!room) return [];
  const present: Presence[] = [];
  for (const [key, entry] of room.entries) {
    if (now - entry.at > AWARENESS_TTL_MS) {
      room.entries.delete(key);
      continue;
    }
    if (key !== origin) present.push(presenceOf(entry));
  }
  return present;
}

/** Calls `wake` whenever someone's caret or presence changes on the article; returns the way to stop. */
export function watchAwareness({ articleId, wake }: { articleId: number; wake: () => void }): () => void {
  const room = roomOf(articleId);
  room.listeners.add(wake);
  return () => room.listeners.delete(wake);
}

/** Forgets every caret (a restart does the same). */
export function forgetAwareness(): void {
  rooms.clear();
}

function presenceOf(entry: Entry): Presence {
  return { origin: entry.origin, userId: entry.userId, name: entry.name, color: entry.color, caret: entry.caret };
}

function roomOf(articleId: number): Room {
  let room = rooms.get(articleId);
  if (!room) {
    room = { entries: new Map(), listeners: new Set() };
    rooms.set(articleId, room);
  }
  return room;
}
