/**
 * Stand-in for the shared redirect-path rule until it is merged (`normalizeRedirectPath`): an old
 * permalink as a site-relative path, lower-cased and without a trailing slash, keeping only a
 * `?p=` or `?page_id=` query. Null for an address on another site or the site's root.
 */
export function oldUrlPath(urlOrPath: string, siteUrl?: string): string | null {
  const value = urlOrPath.trim();
  if (value === '') return null;
  let url: URL;
  try {
    if (/^https?:\/\//i.test(value)) {
      url = new URL(value);
      if (siteUrl && url.host.toLowerCase() !== new URL(siteUrl).host.toLowerCase()) return null;
    } else if (value.startsWith('/') && !value.startsWith('//')) {
      url = new URL(value, 'https://old.invalid');
    } else {
      return null;
    }
  } catch {
    return null;
  }
  const pathname = url.pathname.toLowerCase().replace(/\/+$/, '') || '/';
  const kept = ['p', 'page_id'].find((name) => /^\d+$/.test(url.searchParams.get(name) ?? ''));
  if (kept) return `${pathname}?${kept}=${url.searchParams.get(kept)}`;
  return pathname === '/' ? null : pathname;
}
