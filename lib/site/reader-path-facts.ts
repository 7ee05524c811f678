import 'server-only';
import { isGatedArticleSlug } from '@/lib/access/is-gated-article-slug';
import { articleSlugStatus } from '@/lib/articles/article-slug-status';
import { isExpiredSince } from '@/lib/platform/cache/tag-revisions';
import { edgeKeyHeaders, isKeyedPath, readEdgeKeys } from '@/lib/platform/edge/edge-keys';

/** What the proxy must know about a reader address before answering it. */
export type ReaderPathFacts = {
  /** `/articles/<slug>` of an article readers saw and that was withdrawn: answered 410 Gone. */
  isWithdrawn: boolean;
  /** A gated article's page: it varies per reader, so it is never kept or shared. */
  isGated: boolean;
  /** The headers naming the keys an edge cache purges the response by (empty for addresses without keys). */
  keyHeaders: Record<string, string>;
  /**
   * The cache tags of what the address shows, which retire a page kept for it when one is expired; null
   * when they could not all be read (then nothing is kept for it) or the address carries none.
   */
  tags: string[] | null;
};

/** Kept facts are read again after this long, so a gated article's archive month turning free is seen in a minute. */
const MAX_AGE_MS = 60_000;
const MOST_ADDRESSES = 5_000;

type Kept = { facts: ReaderPathFacts; revision: number; readAt: number };

const shared = globalThis as unknown as { mastheadReaderPathFacts?: Map<string, Kept> };

/**
 * The facts of a reader address, read from the database once and then from memory until one of the
 * address's cache tags is expired after `revision` (the newest tag revision seen before this request,
 * `tag-revisions.ts`): every change to what readers see goes through the one cache-expiry point, which
 * expires the tags of what it changed, so kept facts are never older than the last change to that
 * address, and a change elsewhere leaves them be. An article's facts carry its own tags (by id and by
 * address), so its withdrawal or gating is seen at once. A read that fails gives the safe answer (not
 * withdrawn, gated, no article keys) and is not kept.
 */
export function readerPathFacts({ pathname, revision, now = Date.now() }: { pathname: string; revision: number; now?: number }): ReaderPathFacts {
  const kept = (shared.mastheadReaderPathFacts ??= new Map());
  const found = kept.get(pathname);
  if (found && found.facts.tags && !isExpiredSince(found.facts.tags, found.revision) && now - found.readAt < MAX_AGE_MS) return found.facts;
  const { facts, isComplete } = readFacts(pathname);
  kept.delete(pathname);
  // NaN when tag expirations could not be read: then what is read now is not kept.
  if (isComplete && facts.tags && Number.isFinite(revision)) {
    kept.set(pathname, { facts, revision, readAt: now });
    if (kept.size > MOST_ADDRESSES) kept.delete(kept.keys().next().value!);
  }
  return facts;
}

function readFacts(pathname: string): { facts: ReaderPathFacts; isComplete: boolean } {
  let isComplete = true;
  const slug = articleSlugOf(pathname);
  let isWithdrawn = false;
  let isGated = false;
  if (slug !== null) {
    try {
      isWithdrawn = articleSlugStatus(slug) === 'gone';
    } catch (error) {
      // The page makes its own read and shows its own error; never fail a reader here.
      console.error('Checking for a withdrawn article failed:', error);
      isComplete = false;
    }
    try {
      isGated = isGatedArticleSlug({ slug });
    } catch (error) {
      console.error('Checking whether an article is gated failed:', error);
      isGated = true;
      isComplete = false;
    }
  }
  let keyHeaders: Record<string, string> = {};
  let tags: string[] | null = null;
  if (isKeyedPath(pathname)) {
    const keys = readEdgeKeys(pathname);
    isComplete &&= keys.isComplete;
    keyHeaders = edgeKeyHeaders(keys.keys);
    tags = isComplete ? keys.tags : null;
  }
  return { facts: { isWithdrawn, isGated, keyHeaders, tags }, isComplete };
}

/** The slug of an article's own address (not its feeds or images), or null. */
function articleSlugOf(pathname: string): string | null {
  const match = /^\/articles\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
