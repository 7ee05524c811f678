import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { internalOrigin } from '@/lib/platform/cache/internal-origin';
import { isExpiredSince } from '@/lib/platform/cache/tag-revisions';
import { inlineScriptHashes } from './inline-script-hashes';
import { withStylesheetsInline } from './inline-stylesheets';
import { pageWithoutScripts } from './page-without-scripts';
import { isCacheableReaderPath } from './security-headers';

/** The page kept for readers of a gated article who bring nothing (`lib/access/anonymous-teaser.ts`), apart from the address's own. */
export const ANONYMOUS_VARIANT = 'anonymous';

/** Where a variant of an address's page is kept. */
export function variantKey(address: string, name: string): string {
  return `${address}#${name}`;
}

/** Header marking the server's own request for a page it is about to keep. */
export const RENDER_HEADER = 'x-masthead-render';
const MAX_ENTRIES = 500;
const MAX_AGE_MS = 60_000;

/**
 * A kept page: the same bytes for every reader. It runs no script at all (`page-without-scripts.ts`), or, when
 * it cannot do without them (and under `next dev`, whose pages reload themselves), exactly its own inline scripts.
 */
export type RenderedPage = { body: Uint8Array<ArrayBuffer>; scripts: 'none' | { hashes: string[] }; contentType: string };
type Entry = RenderedPage & { tags: readonly string[]; revision: number; storedAt: number };

const shared = globalThis as unknown as {
  mastheadRenderedPages?: { entries: Map<string, Entry>; pending: Map<string, Promise<Entry | null>>; token: string };
};

function store() {
  shared.mastheadRenderedPages ??= { entries: new Map(), pending: new Map(), token: randomUUID() };
  return shared.mastheadRenderedPages;
}

/** The server asking itself for a page to keep: let it through to be rendered. */
export function isInternalRender(request: NextRequest): boolean {
  return request.headers.get(RENDER_HEADER) === store().token;
}

/** Full reader page loads only: not client navigations (RSC), prefetches, HEAD, or the desk. */
export function isRenderedPageCacheable(request: NextRequest): boolean {
  if (request.method !== 'GET' || !isCacheableReaderPath(request.nextUrl.pathname)) return false;
  if (request.headers.has('rsc') || request.headers.has('next-router-prefetch') || request.nextUrl.searchParams.has('_rsc')) return false;
  return !request.headers.has(RENDER_HEADER);
}

/**
 * A reader page rendered once by asking the server itself and then served from memory, to readers and
 * shared caches alike, without scripts, or else under a policy listing its inline scripts' hashes (its
 * render's nonce is in no policy, so it allows nothing). It is kept until one of `tags` (what the page shows) is expired after
 * `revision`, the newest tag revision seen before this request (`tag-revisions.ts`), and for a minute
 * at most. Null when the page is not a plain 200 HTML page (redirects, 404s), which then take the
 * ordinary way.
 */
export async function renderedPage({
  request,
  tags,
  revision,
  variant,
}: {
  request: NextRequest;
  tags: readonly string[];
  revision: number;
  /** A page kept apart from the address's own (`name`), rendered with these request headers. */
  variant?: { name: string; headers: Record<string, string> };
}): Promise<RenderedPage | null> {
  const { pending } = store();
  const address = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const key = variant ? variantKey(address, variant.name) : address;
  const kept = keptPage({ key });
  if (kept) return kept;
  let rendering = pending.get(key);
  if (!rendering) {
    rendering = render({ key, address, tags, revision, headers: variant?.headers ?? {} }).finally(() => pending.delete(key));
    pending.set(key, rendering);
  }
  return rendering;
}

/** The page kept for `key` (path and query) if none of what it shows has changed since; never renders. */
export function keptPage({ key }: { key: string }): RenderedPage | null {
  const entry = store().entries.get(key);
  return entry && !isExpiredSince(entry.tags, entry.revision) && Date.now() - entry.storedAt < MAX_AGE_MS ? entry : null;
}

async function render({ key, address, tags, revision, headers }: { key: string; address: string; tags: readonly string[]; revision: number; headers: Record<string, string> }): Promise<Entry | null> {
  const origin = internalOrigin();
  if (!origin) return null;
  const { entries, token } = store();
  const response = await fetch(`${origin}${address}`, { headers: { ...headers, [RENDER_HEADER]: token, Accept: 'text/html' }, redirect: 'manual' });
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !contentType.startsWith('text/html')) {
    await response.arrayBuffer();
    return null;
  }
  const html = await response.text();
  const withoutScripts = process.env.NODE_ENV === 'development' ? null : pageWithoutScripts(html);
  const page: RenderedPage = withoutScripts === null
    ? { body: new TextEncoder().encode(html), scripts: { hashes: inlineScriptHashes(html) }, contentType }
    : { body: new TextEncoder().encode(withStylesheetsInline(withoutScripts)), scripts: 'none', contentType };
  const entry: Entry = { ...page, tags, revision, storedAt: Date.now() };
  entries.delete(key);
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry;
}
