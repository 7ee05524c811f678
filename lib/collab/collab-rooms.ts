import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { eq } from 'drizzle-orm';
import { articles } from '@/db/schema';
import type { ArticleAccessRow } from '@/lib/articles/article-access';
import type { SaveResult } from '@/lib/articles/save-article';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { articleSchema } from '@/lib/content/article-schema';
import { HEADING_LEVELS } from '@/lib/content/extensions';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { articleYDoc, COLLAB_FIELD } from './article-ydoc';
import { appendCollabUpdate, compactCollabLog, createCollabSnapshot, readCollabSnapshot, readCollabSnapshotSeq, readCollabUpdatesAfter } from './collab-store';
import { checkCollabWriter } from './collab-writer';
import { repairMergedStructure } from './repair-merged-structure';
import { saveCollabWorkingCopy } from './save-collab-working-copy';

/** After this many logged updates the log is folded into the snapshot. */
export const COMPACT_AFTER_UPDATES = 500;
/**
 * The newest updates stay in the log after it is folded, so a stream a few changes behind (or one
 * reconnecting) is sent those changes rather than the whole document.
 */
export const COMPACT_KEEPS_UPDATES = 100;
/** The working copy is written from the shared document at most this often while people type. */
export const COLLAB_AUTOSAVE_MS = 5_000;
export const MAX_COLLAB_UPDATE_BYTES = 2 * 1024 * 1024;

export const RESYNC_ADVICE = 'Your editor has been given the shared text as the server holds it.';

type Room = {
  articleId: number;
  doc: Y.Doc;
  /**
   * A second copy of `doc`, kept equal to it, on which each update is tried first: made once and
   * dropped only when an update is refused, so a check costs the update and one read of the text,
   * not a copy of the whole document.
   */
  trial: Y.Doc | null;
  seq: number;
  /** The last update folded into the stored snapshot: the log holds the updates after it. */
  snapshotSeq: number;
  savedAt: number;
  pendingWriter: StaffIdentity | null;
  saveTimer: ReturnType<typeof setTimeout> | null;
  listeners: Set<() => void>;
};

export type CollabState = { state: string; seq: number };
export type CollabReceipt = { ok: true; seq: number } | ({ ok: false; error: string } & CollabState);

// On globalThis, so route handlers bundled apart still share one document per article in a process.
const registry = globalThis as typeof globalThis & { mastheadCollabRooms?: Map<number, Room> };
const rooms = (registry.mastheadCollabRooms ??= new Map<number, Room>());

/** Opens the shared document for someone who may edit the article: its whole state and the last update it holds. */
export function joinCollab({ articleId, actor, now = Date.now() }: { articleId: number; actor: StaffIdentity; now?: number }): CollabState {
  const article = checkCollabWriter({ articleId, actor });
  return stateOf(openRoom({ article, now }));
}

/**
 * Applies one update from a writer, if the document it makes is still a valid article and they may
 * still edit it. A refused update changes nothing; the answer carries the server's state to start again from.
 */
export function receiveCollabUpdate({
  articleId,
  actor,
  update,
  origin,
  now = Date.now(),
  compactAfter = COMPACT_AFTER_UPDATES,
  keepAfterCompaction = COMPACT_KEEPS_UPDATES,
}: {
  articleId: number;
  actor: StaffIdentity;
  update: Uint8Array;
  origin: string;
  now?: number;
  compactAfter?: number;
  keepAfterCompaction?: number;
}): CollabReceipt {
  const article = checkCollabWriter({ articleId, actor });
  let receipt: CollabReceipt;
  try {
    // Immediate: the check and the append are one step for every server process sharing the file.
    receipt = getDb().transaction(
      (): CollabReceipt => {
        const room = openRoom({ article, now });
        const trial = tryUpdate({ room, update });
        if ('problem' in trial) return { ok: false, error: `Your last change was not kept: ${trial.problem} ${RESYNC_ADVICE}`, ...stateOf(room) };
        const tidying = applyCollecting(room.doc, update);
        room.seq += 1;
        appendCollabUpdate({ articleId, seq: room.seq, update, userId: actor.id, origin, now });
        if (tidying) {
          // Yjs tidied the text's formatting after the update; every writer needs the same tidying, or their texts part.
          if (room.trial) Y.applyUpdate(room.trial, tidying);
          room.seq += 1;
          appendCollabUpdate({ articleId, seq: room.seq, update: tidying, userId: actor.id, origin: SERVER_ORIGIN, now });
        }
        if (trial.repair) {
          // The update merged into something the schema does not allow, and the server filled it in (`repairMergedStructure`): every writer gets the repair.
          Y.applyUpdate(room.doc, trial.repair, RECEIVED);
          room.seq += 1;
          appendCollabUpdate({ articleId, seq: room.seq, update: trial.repair, userId: actor.id, origin: SERVER_ORIGIN, now });
        }
        if (room.seq - room.snapshotSeq >= compactAfter) {
          compactCollabLog({ articleId, state: Y.encodeStateAsUpdate(room.doc), seq: room.seq, keepFrom: room.seq - keepAfterCompaction + 1, now });
          room.snapshotSeq = room.seq;
        }
        return { ok: true, seq: room.seq };
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    rooms.delete(articleId);
    throw error;
  }
  const room = rooms.get(articleId);
  if (receipt.ok && room) {
    room.listeners.forEach((wake) => wake());
    scheduleSave({ room, writer: actor, now });
  }
  return receipt;
}

/** What changed after `since`: the updates in order, or the whole state when the log no longer reaches back that far. */
export function collabChangesSince({ article, since, now = Date.now() }: { article: ArticleAccessRow; since: number; now?: number }): { kind: 'updates'; updates: { seq: number; update: Uint8Array; origin: string }[] } | ({ kind: 'state' } & CollabState) {
  const room = openRoom({ article, now });
  if (since > room.seq) return { kind: 'state', ...stateOf(room) };
  const updates = readCollabUpdatesAfter({ articleId: article.id, seq: since });
  // Behind the snapshot, the log still serves a writer only while it holds every update after `since`.
  if (since < room.snapshotSeq && updates[0]?.seq !== since + 1) return { kind: 'state', ...stateOf(room) };
  return { kind: 'updates', updates };
}

/** Calls `wake` whenever this process accepts an update for the article; returns the way to stop. */
export function watchCollab({ articleId, wake }: { articleId: number; wake: () => void }): () => void {
  const room = rooms.get(articleId);
  room?.listeners.add(wake);
  return () => room?.listeners.delete(wake);
}

/**
 * Writes the working copy from the shared document now, for a writer whose editor has sent all it
 * holds (their Save, or their autosave once typing stops), so what the desk, preflight and preview
 * read is the text they see. The last writer with changes not yet written is named, else the caller.
 */
export function saveCollabNow({ articleId, actor, now = Date.now() }: { articleId: number; actor: StaffIdentity; now?: number }): SaveResult | null {
  const article = checkCollabWriter({ articleId, actor });
  const room = openRoom({ article, now });
  room.pendingWriter ??= actor;
  return saveRoom(room, now, { isAsked: true });
}

/** Writes every pending working copy now (on shutdown, and in tests). */
export function flushCollabSaves(): void {
  for (const room of rooms.values()) saveRoom(room);
}

/** Drops every document held in memory, as a restart does; the next call loads them from the database. */
export function forgetCollabRooms(): void {
  for (const room of rooms.values()) {
    if (room.saveTimer) clearTimeout(room.saveTimer);
    room.listeners.clear();
    room.doc.destroy();
    dropTrial(room);
  }
  rooms.clear();
}

/** Origin of the changes the server's own document makes (formatting tidied after an update); no writer has it, so all receive them. */
const SERVER_ORIGIN = 'server';
const RECEIVED = Symbol('received');

/**
 * Applies a writer's update and returns what the document then changed of its own accord, or null.
 * After a change from elsewhere, Yjs removes formatting marks in a text that no longer do anything.
 * Each copy decides that from what it holds, so the server's removals are shared like any change.
 */
function applyCollecting(doc: Y.Doc, update: Uint8Array): Uint8Array | null {
  const own: Uint8Array[] = [];
  const collect = (change: Uint8Array, origin: unknown) => {
    if (origin !== RECEIVED) own.push(change);
  };
  doc.on('update', collect);
  try {
    Y.applyUpdate(doc, update, RECEIVED);
  } finally {
    doc.off('update', collect);
  }
  return own.length > 0 ? Y.mergeUpdates(own) : null;
}

/**
 * Tries the update on the room's trial copy: why it may not be applied, or, when it may, the server's own
 * repair of what it merged into (already applied to the trial copy, null when none was needed).
 */
function tryUpdate({ room, update }: { room: Room; update: Uint8Array }): { problem: string } | { repair: Uint8Array | null } {
  if (update.byteLength > MAX_COLLAB_UPDATE_BYTES) return { problem: 'it is too large to send at once.' };
  const trial = trialOf(room);
  try {
    Y.applyUpdate(trial, update);
  } catch {
    dropTrial(room);
    return { problem: 'it could not be read.' };
  }
  if (trial.store.pendingStructs !== null || trial.store.pendingDs !== null) {
    dropTrial(room);
    return { problem: 'it builds on edits the server does not have.' };
  }
  const validation = validateArticleDoc(yXmlFragmentToProsemirrorJSON(trial.getXmlFragment(COLLAB_FIELD)));
  if (validation.ok) return { repair: null };
  const repair = repairOf(trial);
  if (repair && validateArticleDoc(yXmlFragmentToProsemirrorJSON(trial.getXmlFragment(COLLAB_FIELD))).ok) return { repair };
  dropTrial(room);
  return { problem: validation.message };
}

/** Repairs the trial copy's merged structure; returns the repair as an update, or null when there was nothing it could repair. */
function repairOf(trial: Y.Doc): Uint8Array | null {
  const changes: Uint8Array[] = [];
  const collect = (change: Uint8Array) => changes.push(change);
  trial.on('update', collect);
  try {
    trial.transact(() => repairMergedStructure(trial.getXmlFragment(COLLAB_FIELD), { schema: articleSchema(), headingLevels: HEADING_LEVELS }));
  } finally {
    trial.off('update', collect);
  }
  return changes.length > 0 ? Y.mergeUpdates(changes) : null;
}

function trialOf(room: Room): Y.Doc {
  if (!room.trial) {
    room.trial = new Y.Doc();
    Y.applyUpdate(room.trial, Y.encodeStateAsUpdate(room.doc));
  }
  return room.trial;
}

/** The trial copy no longer equals the document (a refused update is in it, or the document was replaced): made again when next needed. */
function dropTrial(room: Room): void {
  room.trial?.destroy();
  room.trial = null;
}

function openRoom({ article, now }: { article: ArticleAccessRow; now: number }): Room {
  const room = rooms.get(article.id) ?? loadRoom({ article, now });
  rooms.set(article.id, room);
  catchUp(room);
  return room;
}

function loadRoom({ article, now }: { article: ArticleAccessRow; now: number }): Room {
  if (readCollabSnapshotSeq(article.id) === null) {
    // The first writer to open the article live: the shared document starts as its working copy.
    const { body } = getDb().select({ body: articles.body }).from(articles).where(eq(articles.id, article.id)).get()!;
    const seed = articleYDoc(body);
    createCollabSnapshot({ articleId: article.id, state: Y.encodeStateAsUpdate(seed), now });
    seed.destroy();
  }
  const snapshot = readCollabSnapshot(article.id)!;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot.state);
  return { articleId: article.id, doc, trial: null, seq: snapshot.seq, snapshotSeq: snapshot.seq, savedAt: 0, pendingWriter: null, saveTimer: null, listeners: new Set() };
}

/** Brings a room up to what other server processes have accepted since it was loaded. */
function catchUp(room: Room): void {
  // Only the sequence number is read on every call; the snapshot itself only when another process folded past this one.
  const snapshotSeq = readCollabSnapshotSeq(room.articleId);
  const snapshot = snapshotSeq !== null && snapshotSeq > room.seq ? readCollabSnapshot(room.articleId) : null;
  if (snapshotSeq !== null) room.snapshotSeq = snapshotSeq;
  if (snapshot) {
    room.doc.destroy();
    dropTrial(room);
    room.doc = new Y.Doc();
    Y.applyUpdate(room.doc, snapshot.state);
    room.seq = snapshot.seq;
  }
  for (const row of readCollabUpdatesAfter({ articleId: room.articleId, seq: room.seq })) {
    Y.applyUpdate(room.doc, row.update);
    if (room.trial) Y.applyUpdate(room.trial, row.update);
    room.seq = row.seq;
  }
}

function stateOf(room: Room): CollabState {
  return { state: Buffer.from(Y.encodeStateAsUpdate(room.doc)).toString('base64'), seq: room.seq };
}

function scheduleSave({ room, writer, now }: { room: Room; writer: StaffIdentity; now: number }): void {
  room.pendingWriter = writer;
  if (now - room.savedAt >= COLLAB_AUTOSAVE_MS) {
    saveRoom(room, now);
    return;
  }
  if (room.saveTimer) return;
  room.saveTimer = setTimeout(() => saveRoom(room), room.savedAt + COLLAB_AUTOSAVE_MS - now);
  room.saveTimer.unref?.();
}

function saveRoom(room: Room, now = Date.now(), { isAsked = false } = {}): SaveResult | null {
  if (room.saveTimer) clearTimeout(room.saveTimer);
  room.saveTimer = null;
  const writer = room.pendingWriter;
  if (!writer) return null;
  room.pendingWriter = null;
  room.savedAt = now;
  try {
    return saveCollabWorkingCopy({ articleId: room.articleId, actor: writer, doc: room.doc, now });
  } catch (error) {
    // The shared document holds every accepted change; the next save tries again.
    room.pendingWriter ??= writer;
    if (isAsked) throw error;
    console.error(`Saving the working copy of article ${room.articleId} from its shared document failed`, error);
    return null;
  }
}

/** Whether anyone has opened the article live, so it has a shared document to keep in step. */
export function hasSharedDocument(articleId: number): boolean {
  return readCollabSnapshotSeq(articleId) !== null;
}

/**
 * Makes the shared document hold `body` (a restore from the history, saved by `actor`), as an update
 * from them that every open editor receives. Nothing happens for an article nobody has edited live:
 * its shared document is made from the working copy when first opened.
 */
export function shareRestoredBody({
  articleId,
  actor,
  body,
  origin = 'restore',
  now = Date.now(),
}: {
  articleId: number;
  actor: StaffIdentity;
  body: JSONContent;
  /** What made the text: a restore, or a save from outside the shared document. */
  origin?: 'restore' | 'save';
  now?: number;
}): CollabReceipt | null {
  if (!hasSharedDocument(articleId)) return null;
  const article = checkCollabWriter({ articleId, actor });
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(openRoom({ article, now }).doc));
  const before = Y.encodeStateVector(copy);
  prosemirrorJSONToYXmlFragment(articleSchema(), body, copy.getXmlFragment(COLLAB_FIELD));
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return receiveCollabUpdate({ articleId, actor, update, origin, now });
}
