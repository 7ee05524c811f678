import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

const STYLESHEET_LINK = /<link\b[^>]*\brel=("|')?stylesheet\1?[^>]*>/gi;
const BUILD_STYLESHEET = /^\/_next\/static\/[\w\-/.]+\.css$/;

/** The text of one of the build's stylesheets by its address, or null when it is not one or cannot be read. */
export type ReadStylesheet = (href: string) => string | null;

/**
 * A kept reader page with its stylesheets written into it (docs/adr/015): a reader's browser paints the page
 * from the first response instead of waiting for one more file. Only the build's own stylesheets are taken in,
 * and only those that refer to no other file (a relative `url()` would then point elsewhere) and cannot end the
 * style element early; any other link stays as it is.
 */
export function withStylesheetsInline(html: string, read: ReadStylesheet = readBuildStylesheet): string {
  return html.replace(STYLESHEET_LINK, (link) => {
    const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(link);
    const address = href?.[1] ?? href?.[2];
    if (!address || !BUILD_STYLESHEET.test(address) || address.includes('..')) return link;
    const text = read(address);
    if (text === null || /url\s*\(/i.test(text) || /@import/i.test(text) || /<\/style/i.test(text)) return link;
    return `<style>${text}</style>`;
  });
}

const stylesheets = new Map<string, string | null>();

/** A built stylesheet from `.next/static`, read once per process (its name changes whenever its text does). */
function readBuildStylesheet(href: string): string | null {
  if (!stylesheets.has(href)) {
    try {
      stylesheets.set(href, fs.readFileSync(path.join(process.cwd(), '.next', href.slice('/_next/'.length)), 'utf8'));
    } catch {
      stylesheets.set(href, null);
    }
  }
  return stylesheets.get(href) ?? null;
}
