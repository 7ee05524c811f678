import { getConfig } from '@/lib/platform/config/get-config';

/**
 * Refuses requests a browser sent from another site (cross-site request forgery): browsers name the
 * page's origin on every non-GET request, and it must be this site. Clients that send no Origin
 * (scripts, curl) cannot carry a signed-in browser's cookies, so they are judged by the session alone.
 */
export function isSameOrigin(requestHeaders: Pick<Headers, 'get'>): boolean {
  const origin = requestHeaders.get('origin');
  if (origin === null) return requestHeaders.get('sec-fetch-site') !== 'cross-site';
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const hosts = [requestHeaders.get('x-forwarded-host'), requestHeaders.get('host'), safeHost(getConfig().siteUrl)];
  return hosts.some((host) => host !== null && host === originHost);
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
