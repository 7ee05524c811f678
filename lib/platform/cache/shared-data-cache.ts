import type { CacheEntry, CacheHandler, Timestamp } from 'next/dist/server/lib/cache-handlers/types';

/** When a tag was last expired, as every process reads it from the shared store. */
export type TagExpiration = { tag: string; staleAt: Timestamp; expiredAt: Timestamp | null; revision: number };

/** Where tag expirations are shared between the server processes (`tag-expiration-store.ts`: the SQLite file). */
export type TagExpirationStore = {
  /** Every expiration recorded after `revision`, in the order recorded. */
  changedSince: (revision: number) => TagExpiration[];
  record: (expirations: Omit<TagExpiration, 'revision'>[]) => void;
};

type StoredEntry = { entry: Omit<CacheEntry, 'value'>; bytes: Uint8Array };

/** As Next's own in-memory handler: 50 MB of entries per process, the least recently read let go first. */
export const DATA_CACHE_MOST_BYTES = 50 * 1024 * 1024;

/**
 * The handler behind `'use cache'` (next.config.js `cacheHandlers.default`, through
 * `data-cache-handler.mjs`). Entries stay in this process's memory, as with Next's default handler;
 * tag expirations are written to and read from `store`, which all processes share. Next calls
 * `refreshTags` once per request before the first cache read: it reads only the expirations recorded
 * since the last call (one indexed query, usually returning nothing), so an expiry made by any process
 * holds here from the next request on.
 */
export function createSharedDataCache({ store, mostBytes = DATA_CACHE_MOST_BYTES }: { store: TagExpirationStore; mostBytes?: number }): CacheHandler {
  const entries = new Map<string, StoredEntry>();
  const pendingSets = new Map<string, Promise<void>>();
  const expirations = new Map<string, { staleAt: Timestamp; expiredAt: Timestamp | null }>();
  let bytes = 0;
  let revision = 0;

  const forget = (cacheKey: string) => {
    const stored = entries.get(cacheKey);
    if (!stored) return;
    bytes -= stored.bytes.byteLength + cacheKey.length;
    entries.delete(cacheKey);
  };
  const keep = (cacheKey: string, stored: StoredEntry) => {
    forget(cacheKey);
    const size = stored.bytes.byteLength + cacheKey.length;
    if (size > mostBytes) return;
    entries.set(cacheKey, stored);
    bytes += size;
    // A Map iterates in insertion order, and a read moves its entry to the end: the first is the least recently used.
    for (const oldest of entries.keys()) {
      if (bytes <= mostBytes) break;
      forget(oldest);
    }
  };
  const isExpired = (tags: string[], timestamp: Timestamp, now: Timestamp) =>
    tags.some((tag) => {
      const expiredAt = expirations.get(tag)?.expiredAt;
      return expiredAt != null && expiredAt <= now && expiredAt > timestamp;
    });
  const isStale = (tags: string[], timestamp: Timestamp) => tags.some((tag) => (expirations.get(tag)?.staleAt ?? 0) > timestamp);

  return {
    async get(cacheKey) {
      const pending = pendingSets.get(cacheKey);
      if (pending) await pending;
      const stored = entries.get(cacheKey);
      if (!stored) return undefined;
      const { entry } = stored;
      const now = nowMs();
      // In memory an entry is not worth refreshing in the background: past its revalidate time it is gone.
      if (now > entry.timestamp + entry.revalidate * 1000 || isExpired(entry.tags, entry.timestamp, now)) {
        forget(cacheKey);
        return undefined;
      }
      entries.delete(cacheKey);
      entries.set(cacheKey, stored);
      return { ...entry, revalidate: isStale(entry.tags, entry.timestamp) ? -1 : entry.revalidate, value: streamOf(stored.bytes) };
    },

    async set(cacheKey, pendingEntry) {
      let done = () => {};
      pendingSets.set(cacheKey, new Promise<void>((resolve) => (done = resolve)));
      try {
        const { value, ...entry } = await pendingEntry;
        // An entry that expires at once is made afresh on every read; keeping it would waste memory.
        if (entry.expire === 0) return;
        keep(cacheKey, { entry, bytes: await bytesOf(value) });
      } catch {
        // A value that failed while it was made is not kept; the next read makes it again.
      } finally {
        done();
        pendingSets.delete(cacheKey);
      }
    },

    async refreshTags() {
      for (const row of store.changedSince(revision)) {
        expirations.set(row.tag, { staleAt: row.staleAt, expiredAt: row.expiredAt });
        revision = Math.max(revision, row.revision);
      }
    },

    async getExpiration(tags) {
      return Math.max(0, ...tags.map((tag) => expirations.get(tag)?.expiredAt ?? 0));
    },

    async updateTags(tags, durations) {
      const now = nowMs();
      const changed = tags.map((tag) => {
        const known = expirations.get(tag);
        // As Next's own handler: with durations the tag goes stale now and expires after `expire` seconds
        // (when given); without, it expires now.
        if (!durations) return { tag, staleAt: known?.staleAt ?? 0, expiredAt: now };
        return { tag, staleAt: now, expiredAt: durations.expire === undefined ? (known?.expiredAt ?? null) : now + durations.expire * 1000 };
      });
      store.record(changed);
      for (const { tag, ...times } of changed) expirations.set(tag, times);
    },
  };
}

/** The clock Next stamps entries with. */
function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
