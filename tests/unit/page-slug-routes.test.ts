import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPageSlug, RESERVED_PAGE_SLUGS } from '@/lib/site/pages/page-slug';

const APP = path.join(process.cwd(), 'app');
/** Files in app/ that are not addresses of their own. */
const NOT_ROUTES = new Set(['layout', 'page', 'error', 'global-error', 'not-found', 'loading', 'template', 'default', 'globals']);
/** Metadata files answer at a name Next gives them. */
const METADATA_NAMES: Record<string, string> = { sitemap: 'sitemap.xml', robots: 'robots.txt', manifest: 'manifest.webmanifest' };

/** The first segment of every address the app answers, reading through route groups like (site). */
function topLevelSegments(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      if (/^\(.+\)$/.test(entry.name)) return topLevelSegments(path.join(folder, entry.name));
      if (entry.name.startsWith('[') || entry.name.startsWith('_')) return [];
      return [entry.name];
    }
    const base = entry.name.replace(/\.(tsx?|jsx?|css)$/, '');
    if (NOT_ROUTES.has(base) || base.endsWith('.module')) return [];
    if (METADATA_NAMES[base]) return [METADATA_NAMES[base]];
    // Static metadata files (icon.svg, favicon.ico) keep their own names.
    return /\.(svg|ico|png|jpg|txt|xml)$/.test(entry.name) ? [entry.name] : [];
  });
}

describe('page slugs and the routes of the site', () => {
  const segments = [...new Set(topLevelSegments(APP))].sort();

  it('finds the routes it should in app/', () => {
    expect(segments).toEqual(expect.arrayContaining(['articles', 'issues', 'search', 'desk', 'api', 'login', 'preview', 'feed.xml', 'atom.xml', 'sitemap.xml', 'robots.txt']));
  });

  it('reserves every top-level route, so a new one cannot be shadowed by a page', () => {
    const missing = segments.filter((segment) => !RESERVED_PAGE_SLUGS.includes(segment));
    expect(missing, `add these to RESERVED_PAGE_SLUGS in lib/site/pages/page-slug.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('refuses each reserved slug and names the route it would clash with', () => {
    for (const segment of segments) {
      const problem = checkPageSlug(segment);
      expect(problem, segment).toMatch(/^(The address \/.+ belongs to the site’s own|Use lower-case letters)/);
    }
    expect(checkPageSlug('treaties')).toBe('The address /treaties belongs to the site’s own treaties pages; choose another slug.');
    expect(checkPageSlug('ghost')).toBe('The address /ghost belongs to the site’s own ghost pages; choose another slug.');
  });

  it('accepts an ordinary slug and refuses a malformed one', () => {
    expect(checkPageSlug('submission-guidelines')).toBeNull();
    expect(checkPageSlug('about')).toBeNull();
    for (const bad of ['', 'About', 'two words', 'trailing-', '-leading', 'a--b', 'dots.here', 'x'.repeat(81)]) expect(checkPageSlug(bad), bad).not.toBeNull();
  });
});
