import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { rateLimitHits } from '@/db/schema';

export type RateLimit = { bucket: string; limit: number; windowMs: number };

/** Requests to subscribe or to get a sign-in link: per IP and per address, each within an hour. */
export const READER_RATE_LIMITS = {
  subscribeByIp: { bucket: 'subscribe:ip', limit: 20, windowMs: 60 * 60 * 1000 },
  subscribeByAddress: { bucket: 'subscribe:address', limit: 5, windowMs: 60 * 60 * 1000 },
  signInByIp: { bucket: 'reader-sign-in:ip', limit: 20, windowMs: 60 * 60 * 1000 },
  signInByAddress: { bucket: 'reader-sign-in:address', limit: 5, windowMs: 60 * 60 * 1000 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one request against every limit given (key per limit) and says whether all of them still
 * allow it. A refused request is not counted, so waiting out the window always works.
 */
export function hitRateLimits({ hits, now = Date.now() }: { hits: { limit: RateLimit; key: string }[]; now?: number }): boolean {
  const db = getDb();
  return db.transaction(
    (tx) => {
      for (const { limit, key } of hits) {
        const row = tx
          .select({ count: sql<number>`count(*)` })
          .from(rateLimitHits)
          .where(and(eq(rateLimitHits.bucket, limit.bucket), eq(rateLimitHits.key, key), gt(rateLimitHits.at, now - limit.windowMs)))
          .get();
        if ((row?.count ?? 0) >= limit.limit) return false;
      }
      for (const { limit, key } of hits) tx.insert(rateLimitHits).values({ bucket: limit.bucket, key, at: now }).run();
      return true;
    },
    { behavior: 'immediate' },
  );
}

/** Hits older than the longest window no longer matter. */
export function pruneRateLimitHits({ now = Date.now() }: { now?: number } = {}): number {
  const longest = Math.max(...Object.values(READER_RATE_LIMITS).map((limit) => limit.windowMs));
  return getDb().delete(rateLimitHits).where(lt(rateLimitHits.at, now - longest)).run().changes;
}
