/**
 * Links that are keys (signing in, confirming, setting a password, unsubscribing) and how the desk
 * names each one in their place. Paths only: the host is whatever SITE_URL was when the mail was queued.
 */
const SECRET_LINKS: { path: RegExp; marker: string }[] = [
  { path: /\/login\/set-password\?/, marker: '[set-password link hidden]' },
  { path: /\/account\/sign-in\?/, marker: '[sign-in link hidden]' },
  { path: /\/api\/reader-auth\/callback\//, marker: '[sign-in link hidden]' },
  { path: /\/subscribe\/confirm\?/, marker: '[confirmation link hidden]' },
  { path: /\/api\/unsubscribe\?/, marker: '[unsubscribe link hidden]' },
];

// An address inside text, HTML or a header: up to whitespace, a quote or an angle bracket.
const ADDRESS = /(?:https?:\/\/[^\s"'<>]+|\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*\?[^\s"'<>]*)/g;
const ANCHOR = /<a\b[^>]*?\bhref\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi;
// The token a mailto in List-Unsubscribe carries in its subject.
const MAILTO_TOKEN = /(unsubscribe(?:%20|\+|\s))\d{1,15}\.[A-Za-z0-9_-]{22}/gi;

/** The same text with every secret link replaced by a marker saying what was there. */
export function redactSecretLinks(text: string): string {
  return text.replace(ADDRESS, (address) => markerFor(address) ?? address).replace(MAILTO_TOKEN, '$1[token hidden]');
}

/** HTML with each secret link's anchor turned into its label and a marker, and any bare secret link replaced. */
export function redactSecretLinksInHtml(html: string): string {
  const withoutAnchors = html.replace(ANCHOR, (anchor: string, href: string, label: string) => {
    const marker = markerFor(href.replace(/&amp;/g, '&'));
    return marker ? `${label} <strong>${marker}</strong>` : anchor;
  });
  return redactSecretLinks(withoutAnchors);
}

function markerFor(address: string): string | null {
  return SECRET_LINKS.find((link) => link.path.test(address))?.marker ?? null;
}
