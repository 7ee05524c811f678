import 'server-only';

/** What no page needs: the browser refuses these features to the page and to anything it embeds. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()';

/**
 * The security headers of every response the proxy sees. `next.config.js` sends the same static ones
 * (all but the policy) for what the proxy skips: built assets and images.
 */
export function securityHeaders({ policy, isStaffArea }: { policy: string; isStaffArea: boolean }): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(isStaffArea ? { 'X-Frame-Options': 'DENY' } : {}),
  };
}

/** Where staff work: never framed, never cached by anyone. */
export function isStaffPath(pathname: string): boolean {
  return /^\/(desk|login|preview|api\/desk|api\/auth)(\/|$)/.test(pathname);
}

/**
 * Reader pages: a CDN or caching proxy may keep a copy for a minute and serve it stale for ten more
 * while it fetches a fresh one; browsers always ask again. Everything else keeps Next's own answer.
 */
export const READER_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';

const READER_PATH = /^\/($|articles\/|issues(\/|$)|sections\/|authors\/|countries\/|treaties\/|people\/|organizations\/|topics\/|corrections$)/;

/** Reader pages only: feeds and images under those paths set their own Cache-Control. */
export function isCacheableReaderPath(pathname: string): boolean {
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  return READER_PATH.test(pathname) && !lastSegment.includes('.');
}
