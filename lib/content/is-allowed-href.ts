/**
 * Links may point to the web (http/https), to an email address (mailto) or to a path on this site.
 * Everything else — javascript:, data:, protocol-relative `//host` — is refused.
 */
export function isAllowedHref(href: string): boolean {
  const value = href.trim();
  if (value === '' || value !== href) return false;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  if (value.startsWith('#')) return /^#[\w-]+$/.test(value);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'mailto') return /^mailto:[^\s@]+@[^\s@]+$/i.test(value);
  if (scheme !== 'http' && scheme !== 'https') return false;
  try {
    const url = new URL(value);
    return url.hostname !== '';
  } catch {
    return false;
  }
}
