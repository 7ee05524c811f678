/** The WordPress query parameters that name one item; every other parameter is noise (utm_*, replytocom …). */
const ITEM_QUERY_KEYS = ['p', 'page_id', 'cat', 'author', 'tag'] as const;

/** RFC 3986 path characters that never need escaping; everything else is percent-encoded in upper-case hex. */
const PLAIN_PATH_CHAR = /^[a-z0-9\-._~!$&'()*+,;=:@]$/;

function encodeChar(char: string): string {
  return PLAIN_PATH_CHAR.test(char) ? char : encodeURIComponent(char);
}

/** Text already in the one spelling: lower-case, plain path characters only, nothing escaped. */
const CANONICAL_TEXT = /^[a-z0-9\-._~!$&'()*+,;=:@]*$/;

/** Decodes what decodes, lower-cases it and re-encodes it one way, so `/Caf%c3%a9` and `/café` are the same key. */
function canonicalText(text: string): string {
  // Most segments of most requests (`articles`, a slug) are already so; asked for nearly every reader request.
  if (CANONICAL_TEXT.test(text)) return text;
  let out = '';
  for (const token of text.match(/(?:%[0-9a-f]{2})+|[\s\S]/giu) ?? []) {
    if (!token.startsWith('%') || token.length === 1) {
      out += [...token.toLowerCase()].map(encodeChar).join('');
      continue;
    }
    try {
      out += [...decodeURIComponent(token).toLowerCase()].map(encodeChar).join('');
    } catch {
      // Bytes that are not UTF-8 (an old Latin-1 link) stay escaped, in one spelling.
      out += token.toUpperCase();
    }
  }
  return out;
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);
    return parsed.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * The one spelling of an old address that redirects are stored under and requests are looked up by:
 * a site-relative path, lower-cased, percent-encoding normalised, without a trailing slash (except `/`),
 * keeping only the WordPress item parameters in a fixed order (`/?p=12`). Accepts a site-relative path,
 * or an absolute http(s) URL on siteUrl's host (`www.` ignored); anything else (another host, an absolute
 * URL when no siteUrl is known, `mailto:`, a bare word) gives null.
 */
export function normalizeRedirectPath(urlOrPath: string, siteUrl?: string): string | null {
  const input = urlOrPath.trim();
  if (!input) return null;

  let url: URL;
  try {
    if (input.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(input)) {
      url = new URL(input.startsWith('//') ? `https:${input}` : input);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      const siteHost = siteUrl ? hostOf(siteUrl) : null;
      if (!siteHost || url.hostname.toLowerCase().replace(/^www\./, '') !== siteHost) return null;
    } else if (input.startsWith('/')) {
      url = new URL(input, 'https://site.invalid');
    } else {
      return null;
    }
  } catch {
    return null;
  }

  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(canonicalText);
  if (segments.at(-1) === 'index.php') segments.pop();
  const path = `/${segments.join('/')}`;

  const kept: string[] = [];
  for (const key of ITEM_QUERY_KEYS) {
    const value = url.searchParams.get(key)?.trim();
    if (value) kept.push(`${key}=${canonicalText(encodeURIComponent(value))}`);
  }
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path;
}
