/** A path on this site (`/about`, not `//elsewhere`) or an absolute http(s) address; nothing that runs or leaves it ambiguous. */
export function isNavigationHref(href: string): boolean {
  if (href.length === 0 || href.length > MAX_NAVIGATION_HREF_LENGTH || /[\s\u0000-\u001f\\]/.test(href)) return false;
  if (href.startsWith('/')) return !href.startsWith('//');
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const MAX_NAVIGATION_HREF_LENGTH = 500;

/** Whether a link leaves the site (drawn as a plain anchor rather than a client-side link). */
export function isExternalHref(href: string): boolean {
  return !href.startsWith('/');
}
