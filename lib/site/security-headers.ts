import 'server-only';
import { CSP_REPORT_GROUP, CSP_REPORT_PATH } from './content-security-policy';

/** What no page needs: the browser refuses these features to the page and to anything it embeds. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()';

/** Two years, subdomains included: what browsers' preload lists ask of a site that is https for good. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/**
 * The security headers of every page and route. `next.config.js` sends the static ones (all but the
 * policy and HSTS) for built assets and media too, which get `transportSecurityHeaders` from the proxy.
 */
export function securityHeaders({ policy, isStaffArea, siteUrl }: { policy: string; isStaffArea: boolean; siteUrl: string }): Record<string, string> {
  return {
    ...transportSecurityHeaders(siteUrl),
    'Content-Security-Policy': policy,
    'Reporting-Endpoints': `${CSP_REPORT_GROUP}="${CSP_REPORT_PATH}"`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(isStaffArea ? { 'X-Frame-Options': 'DENY' } : {}),
  };
}

/** HSTS only when the site's own address is https; a plain-http SITE_URL (local, staging) is never pinned. */
export function transportSecurityHeaders(siteUrl: string): Record<string, string> {
  return siteUrl.startsWith('https://') ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {};
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
