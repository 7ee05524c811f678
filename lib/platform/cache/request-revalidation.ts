import 'server-only';
import { internalOrigin } from './internal-origin';
import type { ReaderChange } from './reader-change';
import { readerContentTags } from './reader-content-tags';
import { revalidationToken } from './revalidation-token';

/**
 * `expireReaderContent` for work done outside any request (the worker's scheduled publications), where
 * Next's `revalidateTag` cannot run: decides the same tags and asks the server to expire them (and
 * retire kept pages) through /api/internal/revalidate.
 * Never throws; if the server cannot be reached, the cache life (a few minutes) bounds the staleness.
 */
export async function requestRevalidation(change: ReaderChange, { origin = internalOrigin() }: { origin?: string | null } = {}): Promise<boolean> {
  if (!origin) return false;
  const tags = readerContentTags(change);
  if (tags.length === 0) return true;
  try {
    const response = await fetch(`${origin}/api/internal/revalidate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${revalidationToken()}` },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(5_000),
    });
    if (response.ok) return true;
    console.error(`Expiring the cache after a scheduled publication failed: ${response.status}.`);
  } catch (error) {
    console.error('Expiring the cache after a scheduled publication failed:', error);
  }
  return false;
}
