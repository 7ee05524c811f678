import 'server-only';
import { and, asc, eq, gt, lte, max, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { collabDocuments, collabUpdates } from '@/db/schema';

export type StoredUpdate = { seq: number; update: Uint8Array; origin: string };
export type StoredSnapshot = { state: Uint8Array; seq: number };

/** The compacted state of an article's shared document, or null before anyone joined it. */
export function readCollabSnapshot(articleId: number): StoredSnapshot | null {
  const row = getDb().select({ state: collabDocuments.state, seq: collabDocuments.seq }).from(collabDocuments).where(eq(collabDocuments.articleId, articleId)).get();
  return row ? { state: new Uint8Array(row.state), seq: row.seq } : null;
}

/** The last update the snapshot holds, without reading the snapshot itself; null before anyone joined. */
export function readCollabSnapshotSeq(articleId: number): number | null {
  // Read for every update and every streamed change: prepared once rather than built per call.
  const query = preparedQuery('collab-snapshot-seq', (db) =>
    db.select({ seq: collabDocuments.seq }).from(collabDocuments).where(eq(collabDocuments.articleId, sql.placeholder('articleId'))).prepare(),
  );
  return query.get({ articleId })?.seq ?? null;
}

/** The first snapshot, from the stored working copy; a second process doing the same at once keeps the first. */
export function createCollabSnapshot({ articleId, state, now }: { articleId: number; state: Uint8Array; now: number }): void {
  getDb().insert(collabDocuments).values({ articleId, state: Buffer.from(state), seq: 0, compactedAt: now }).onConflictDoNothing().run();
}

/** Accepted updates after `seq`, oldest first. */
export function readCollabUpdatesAfter({ articleId, seq }: { articleId: number; seq: number }): StoredUpdate[] {
  const query = preparedQuery('collab-updates-after', (db) =>
    db
      .select({ seq: collabUpdates.seq, update: collabUpdates.update, origin: collabUpdates.origin })
      .from(collabUpdates)
      .where(and(eq(collabUpdates.articleId, sql.placeholder('articleId')), gt(collabUpdates.seq, sql.placeholder('seq'))))
      .orderBy(asc(collabUpdates.seq))
      .prepare(),
  );
  return query.all({ articleId, seq }).map((row) => ({ seq: row.seq, update: new Uint8Array(row.update), origin: row.origin }));
}

export function latestCollabSeq(articleId: number): number {
  const logged = getDb().select({ seq: max(collabUpdates.seq) }).from(collabUpdates).where(eq(collabUpdates.articleId, articleId)).get()?.seq ?? null;
  return logged ?? readCollabSnapshot(articleId)?.seq ?? 0;
}

export function appendCollabUpdate({ articleId, seq, update, userId, origin, now }: { articleId: number; seq: number; update: Uint8Array; userId: number; origin: string; now: number }): void {
  const query = preparedQuery('collab-append-update', (db) =>
    db
      .insert(collabUpdates)
      .values({
        articleId: sql.placeholder('articleId'),
        seq: sql.placeholder('seq'),
        update: sql.placeholder('update'),
        userId: sql.placeholder('userId'),
        origin: sql.placeholder('origin'),
        receivedAt: sql.placeholder('receivedAt'),
      })
      .prepare(),
  );
  query.run({ articleId, seq, update: Buffer.from(update), userId, origin, receivedAt: now });
}

/**
 * Folds the log up to `seq` into one state: the snapshot and the removal of what it now holds happen
 * together. Updates from `keepFrom` on stay in the log (they are in the snapshot too) for streams that
 * are a little behind; by default none stay.
 */
export function compactCollabLog({ articleId, state, seq, keepFrom = seq + 1, now }: { articleId: number; state: Uint8Array; seq: number; keepFrom?: number; now: number }): void {
  const db = getDb();
  db.transaction((tx) => {
    tx.update(collabDocuments).set({ state: Buffer.from(state), seq, compactedAt: now }).where(eq(collabDocuments.articleId, articleId)).run();
    tx.delete(collabUpdates).where(and(eq(collabUpdates.articleId, articleId), lte(collabUpdates.seq, Math.min(seq, keepFrom - 1)))).run();
  });
}
