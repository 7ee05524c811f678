import 'server-only';
import { revalidateTag } from 'next/cache';
import { MAX_TAG_LENGTH } from './cache-tags';
import { queueEdgePurge } from '@/lib/platform/edge/purge-edges';
import { sqliteTagExpirationStore } from './tag-expiration-store';
// The expiry below reaches every server process only through the shared data-cache handler.
import './register-data-cache';

/**
 * Expires cached reader data now: the next request reads afresh instead of being served the stale
 * copy (`expire: 0`), so a publication is visible at once, and purges the same keys at every edge cache
 * (`EDGE_PURGE_URLS`). Only inside a route handler or a server action; the worker goes through
 * `requestRevalidation`.
 */
export function expireTags(tags: Iterable<string>): string[] {
  const expired: string[] = [];
  for (const tag of new Set(tags)) {
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) continue;
    revalidateTag(tag, { expire: 0 });
    expired.push(tag);
  }
  // Recorded here too, before the answer goes out (Next may write its own record after): whole pages and
  // the proxy's facts kept in memory (`tag-revisions.ts`) are retired by exactly these tags from the next request on.
  if (expired.length > 0) {
    const now = performance.timeOrigin + performance.now();
    sqliteTagExpirationStore.record(expired.map((tag) => ({ tag, staleAt: now, expiredAt: now })));
  }
  queueEdgePurge(expired);
  return expired;
}
