import 'server-only';
import { and, asc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { collabPresence, users } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import type { CollabCaret } from './collab-awareness-schema';
import { checkCollabWriter } from './collab-writer';

/** A writer's caret is forgotten when their editor has not repeated it for this long (a closed laptop). */
export const AWARENESS_TTL_MS = 30_000;

/** Caret colours, picked by staff id so a person keeps theirs; all readable behind white label text. */
const CARET_COLOURS = ['#b4232a', '#1d5fa8', '#2f7d32', '#8a3ea5', '#b35900', '#00757a', '#a3246b', '#5b5f12'];

export type Presence = { origin: string; userId: number; name: string; color: string; caret: CollabCaret | null };

// The wake-up calls of this process's streams, on globalThis so the route handlers bundled apart share them.
// Streams held by other processes find a change on their next poll (COLLAB_POLL_MS).
const registry = globalThis as typeof globalThis & { mastheadCollabAwareness?: Map<number, Set<() => void>> };
const listeners = (registry.mastheadCollabAwareness ??= new Map<number, Set<() => void>>());

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
  const db = getDb();
  const here = and(eq(collabPresence.articleId, articleId), eq(collabPresence.origin, origin));
  const shared = db.transaction((tx) => {
    const previous = tx.select({ userId: collabPresence.userId, seenAt: collabPresence.seenAt }).from(collabPresence).where(here).get();
    const isPreviousFresh = previous !== undefined && !isQuiet(previous.seenAt, now);
    // An editor's window id belongs to whoever used it while it was open: another account cannot move their caret.
    if (isPreviousFresh && previous.userId !== actor.id) return null;
    // Editors that went quiet on this article are dropped as others come and go.
    tx.delete(collabPresence).where(and(eq(collabPresence.articleId, articleId), lt(collabPresence.seenAt, now - AWARENESS_TTL_MS))).run();
    if (leaving) {
      tx.delete(collabPresence).where(here).run();
      return null;
    }
    const values = { userId: actor.id, name: actor.name, caret, seenAt: now };
    tx.insert(collabPresence)
      .values({ articleId, origin, joinedAt: now, ...values })
      .onConflictDoUpdate({ target: [collabPresence.articleId, collabPresence.origin], set: isPreviousFresh ? values : { ...values, joinedAt: now } })
      .run();
    return presenceOf({ origin, ...values });
    // It reads before it writes: taking the write lock first keeps another process's write from coming between.
  }, { behavior: 'immediate' });
  listeners.get(articleId)?.forEach((wake) => wake());
  return shared;
}

/**
 * The other open editors of the article, with their carets, first come first, whichever server process they
 * reached. A writer whose account was turned off leaves the list at once: their stream has closed, and their
 * caret would otherwise linger until it went quiet.
 */
export function othersHere({ articleId, origin, now = Date.now() }: { articleId: number; origin: string; now?: number }): Presence[] {
  return getDb()
    .select({ origin: collabPresence.origin, userId: collabPresence.userId, name: collabPresence.name, caret: collabPresence.caret })
    .from(collabPresence)
    .innerJoin(users, and(eq(users.id, collabPresence.userId), eq(users.isActive, true)))
    .where(and(eq(collabPresence.articleId, articleId), ne(collabPresence.origin, origin), gte(collabPresence.seenAt, now - AWARENESS_TTL_MS)))
    .orderBy(asc(collabPresence.joinedAt), asc(sql`${collabPresence}.rowid`))
    .all()
    .map(presenceOf);
}

/** Calls `wake` whenever someone's caret or presence changes on the article through this process; returns the way to stop. */
export function watchAwareness({ articleId, wake }: { articleId: number; wake: () => void }): () => void {
  let wakes = listeners.get(articleId);
  if (!wakes) listeners.set(articleId, (wakes = new Set()));
  wakes.add(wake);
  return () => {
    wakes.delete(wake);
    if (wakes.size === 0 && listeners.get(articleId) === wakes) listeners.delete(articleId);
  };
}

/** The worker's step: drops the carets of editors that went quiet, on articles nobody has opened since. */
export function pruneQuietAwareness({ now = Date.now() }: { now?: number } = {}): number {
  return getDb().delete(collabPresence).where(lt(collabPresence.seenAt, now - AWARENESS_TTL_MS)).run().changes;
}

/** Forgets every caret, everywhere: tests start from none. */
export function forgetAwareness(): void {
  getDb().delete(collabPresence).run();
}

function isQuiet(seenAt: number, now: number): boolean {
  return now - seenAt > AWARENESS_TTL_MS;
}

function presenceOf(row: { origin: string; userId: number; name: string; caret: unknown }): Presence {
  // The caret was checked against collabCaretSchema before it was stored.
  return { origin: row.origin, userId: row.userId, name: row.name, color: caretColourOf(row.userId), caret: (row.caret ?? null) as CollabCaret | null };
}
