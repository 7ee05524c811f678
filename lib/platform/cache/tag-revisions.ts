import 'server-only';
import { getDb, type Db } from '@/db/client';
import { sqliteTagExpirationStore } from './tag-expiration-store';

/**
 * When each cache tag was last expired, as revisions of the shared `cache_tag_expirations` table (every
 * server process writes and reads the same SQLite file). Something kept in memory (a whole reader page,
 * what the proxy knows about an address) records the newest revision seen before it was read and the
 * tags of what it shows; it holds until one of those tags is expired after that revision, and no other
 * change retires it.
 */
type Known = { db: Db; revision: number; tags: Map<string, number> };

// For one database connection at a time, so a test's fresh database starts from nothing.
let known: Known | undefined;

/**
 * The newest revision of any tag expiration, after reading those recorded since the last call (one indexed
 * query, usually returning nothing). Read it before reading what is to be kept.
 */
export function latestTagRevision(): number {
  const db = getDb();
  if (known?.db !== db) known = { db, revision: 0, tags: new Map() };
  for (const row of sqliteTagExpirationStore.changedSince(known.revision)) {
    known.tags.set(row.tag, row.revision);
    known.revision = Math.max(known.revision, row.revision);
  }
  return known.revision;
}

/** Whether any of `tags` was expired after `revision`, as of the last `latestTagRevision` call; reads nothing. */
export function isExpiredSince(tags: readonly string[], revision: number): boolean {
  const tagRevisions = known?.tags;
  if (!tagRevisions) return true;
  return tags.some((tag) => (tagRevisions.get(tag) ?? 0) > revision);
}
