import { normalizeRedirectPath } from '@/lib/migration/redirects/normalize-redirect-path';

/**
 * An old permalink as the redirect table keeps it, or null when it cannot be one: an address on
 * another site, or the site's root (which stays the home page).
 */
export function oldUrlPath(urlOrPath: string, siteUrl?: string): string | null {
  const path = normalizeRedirectPath(urlOrPath, siteUrl);
  return path === '/' ? null : path;
}
