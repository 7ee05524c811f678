import 'server-only';
import { internalOrigin } from './internal-origin';
import { publicationTags, type PublicationTargets } from './publication-tags';
import { revalidationToken } from './revalidation-token';

/**
 * For work done outside any request (the worker's scheduled publications), where Next's
 * `revalidateTag` cannot run: asks the server to expire the tags through /api/internal/revalidate.
 * Never throws; if the server cannot be reached, the cache life (a few minutes) bounds the staleness.
 */
export async function requestRevalidation(targets: PublicationTargets, { origin = internalOrigin() }: { origin?: string | null } = {}): Promise<boolean> {
  if (!origin) return false;
  const tags = publicationTags(targets);
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
