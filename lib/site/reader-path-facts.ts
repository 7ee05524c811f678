import 'server-only';
import { isGatedArticleSlug } from '@/lib/access/is-gated-article-slug';
import { articleSlugStatus } from '@/lib/articles/article-slug-status';
import { edgeKeyHeaders, isKeyedPath, readEdgeKeys } from '@/lib/platform/edge/edge-keys';

/** What the proxy must know about a reader address before answering it. */
export type ReaderPathFacts = {
  /** `/articles/<slug>` of an article readers saw and that was withdrawn: answered 410 Gone. */
  isWithdrawn: boolean;
  /** A gated article's page: it varies per reader, so it is never kept or shared. */
  isGated: boolean;
  /** The headers naming the keys an edge cache purges the response by (empty for addresses without keys). */
  keyHeaders: Record<string, string>;
};

/** Kept facts are read again after this long, so a gated article's archive month turning free is seen in a minute. */
const MAX_AGE_MS = 60_000;
const MOST_ADDRESSES = 5_000;

type Kept = { facts: ReaderPathFacts; generation: number; readAt: number };

const shared = globalThis as unknown as { mastheadReaderPathFacts?: Map<string, Kept> };

/**
 * The facts of a reader address for this generation of the site (`page-generation.ts`), read from the
 * database once and then from memory: every change to what readers see goes through the one cache-expiry
 * point, which starts a new generation, so kept facts are never older than the last publication. A read
 * that fails gives the safe answer (not withdrawn, gated, no article keys) and is not kept.
 */
export function readerPathFacts({ pathname, generation, now = Date.now() }: { pathname: string; generation: number; now?: number }): ReaderPathFacts {
  const kept = (shared.mastheadReaderPathFacts ??= new Map());
  const found = kept.get(pathname);
  if (found && found.generation === generation && now - found.readAt < MAX_AGE_MS) return found.facts;
  const { facts, isComplete } = readFacts(pathname);
  kept.delete(pathname);
  if (isComplete) {
    kept.set(pathname, { facts, generation, readAt: now });
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
  if (isKeyedPath(pathname)) {
    const keys = readEdgeKeys(pathname);
    isComplete &&= keys.isComplete;
    keyHeaders = edgeKeyHeaders(keys.keys);
  }
  return { facts: { isWithdrawn, isGated, keyHeaders }, isComplete };
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
