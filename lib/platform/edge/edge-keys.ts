import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { contributors, entities, issues, sections } from '@/db/schema';
import { articleForSlug } from '@/lib/articles/article-slug-status';
import { publishedFootprint } from '@/lib/articles/published-footprint';
import { kindOfSegment } from '@/lib/entities/entity-path';
import { cacheTags } from '@/lib/platform/cache/cache-tags';
import { isCacheableReaderPath } from '@/lib/site/security-headers';

/** The key every feed carries besides what it lists, so all feeds can be purged at once by hand. */
export const FEEDS_KEY = 'feeds';

/**
 * A cache tag as an edge cache key: the same name, with anything but letters, digits and `:._-`
 * percent-encoded, so a slug never splits a header's space-separated list.
 */
export function edgeKey(tag: string): string {
  return tag.replace(/[^A-Za-z0-9:._-]+/g, (run) => encodeURIComponent(run));
}

/**
 * The keys of a public response at `pathname`: the cache tags of what the page (or feed) shows, the
 * same names the cache-expiry point expires, so purging those keys at the edge retires exactly the
 * pages a change made stale. Every page shows the site's settings and navigation. A lookup that
 * fails leaves the keys that need no lookup; the response's own freshness limit bounds the rest.
 */
export function edgeKeysFor(pathname: string): string[] {
  return readEdgeKeys(pathname).keys;
}

/**
 * `edgeKeysFor`, with the cache tags they are made from, saying whether every lookup answered (a failed
 * one leaves only the keys that need none).
 */
export function readEdgeKeys(pathname: string): { keys: string[]; tags: string[]; isComplete: boolean } {
  const keys = new Set<string>([cacheTags.site, cacheTags.navigation]);
  const isFeed = /\/(feed|atom)\.xml$/.test(pathname);
  const page = isFeed ? pathname.replace(/\/(feed|atom)\.xml$/, '') || '/' : pathname;
  if (isFeed) {
    keys.add(FEEDS_KEY);
    keys.add(cacheTags.latestArticles);
  }
  const [, first = '', slug] = /^\/([^/]*)(?:\/([^/]+))?$/.exec(page) ?? [];
  let isComplete = true;
  try {
    const decoded = slug === undefined ? undefined : decodeURIComponent(slug);
    for (const tag of pageTags(first, decoded)) keys.add(tag);
  } catch (error) {
    console.error(`Reading the edge cache keys of ${pathname} failed:`, error);
    isComplete = false;
  }
  return { keys: [...keys].map(edgeKey), tags: [...keys], isComplete };
}

function pageTags(first: string, slug: string | undefined): string[] {
  if (slug === undefined) {
    if (first === '') return [cacheTags.home, cacheTags.latestArticles, cacheTags.issueList];
    if (first === 'issues') return [cacheTags.issueList];
    // Corrections list every article's public corrections: any article change may add one.
    if (first === 'corrections') return [cacheTags.latestArticles];
    return [];
  }
  const db = getDb();
  switch (first) {
    case 'articles':
      return articleTags(slug);
    case 'issues': {
      const row = db.select({ id: issues.id }).from(issues).where(eq(issues.slug, slug)).get();
      return row ? [cacheTags.issue(row.id)] : [cacheTags.issueList];
    }
    case 'sections': {
      const row = db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).get();
      return row ? [cacheTags.section(row.id)] : [];
    }
    case 'authors': {
      const row = db.select({ id: contributors.id }).from(contributors).where(eq(contributors.slug, slug)).get();
      return row ? [cacheTags.author(row.id)] : [];
    }
    default: {
      const kind = kindOfSegment(first);
      if (!kind) return [];
      const row = db
        .select({ id: entities.id })
        .from(entities)
        .where(and(eq(entities.kind, kind), eq(entities.slug, slug)))
        .get();
      // By address too: a "not found" or a redirect kept here goes when an entity moves to or from it.
      return row ? [cacheTags.entity(row.id), cacheTags.entitySlug(kind, slug)] : [cacheTags.entitySlug(kind, slug)];
    }
  }
}

/** An article's page: itself by id and by the address asked, and what it is filed under (its page lists neighbours from each). */
function articleTags(slug: string): string[] {
  const tags = [cacheTags.articleSlug(slug)];
  const article = articleForSlug(slug);
  if (!article) return tags;
  const footprint = publishedFootprint(article.id);
  tags.push(cacheTags.article(article.id));
  if (footprint.issueId !== null) tags.push(cacheTags.issue(footprint.issueId));
  if (footprint.sectionId !== null) tags.push(cacheTags.section(footprint.sectionId));
  tags.push(...footprint.entityIds.map(cacheTags.entity), ...footprint.contributorIds.map(cacheTags.author));
  return tags;
}

/** The headers that carry a response's keys: Varnish xkey and Fastly (space-separated), Cloudflare (comma-separated). */
export function edgeKeyHeaders(keys: readonly string[]): Record<string, string> {
  if (keys.length === 0) return {};
  return { xkey: keys.join(' '), 'Surrogate-Key': keys.join(' '), 'Cache-Tag': keys.join(',') };
}

const FEED_PATH = /^\/(feed\.xml|atom\.xml|(issues|sections|authors|countries|treaties|people|organizations|topics)\/[^/]+\/feed\.xml)$/;

/** Whether responses at `pathname` carry keys: reader pages and feeds do, nothing else does. */
export function isKeyedPath(pathname: string): boolean {
  return isCacheableReaderPath(pathname) || FEED_PATH.test(pathname);
}

/** The key headers for a GET or HEAD of `pathname`. */
export function publicKeyHeaders({ method, pathname }: { method: string; pathname: string }): Record<string, string> {
  if (method !== 'GET' && method !== 'HEAD') return {};
  if (!isKeyedPath(pathname)) return {};
  return edgeKeyHeaders(edgeKeysFor(pathname));
}
