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
 * How long a reader waits for a page being rendered again before getting the previous one instead. The
 * reader whose request started the render waits for it in full: after a publication, the first look is new.
 */
const FRESH_WAIT_MS = 100;
/** The previous page stands in only while its render is this young, and only if it was kept this recently. */
const PREVIOUS_RENDER_LIMIT_MS = 10_000;
const PREVIOUS_AGE_LIMIT_MS = 2 * MAX_AGE_MS;

/**
 * A kept page: the same bytes for every reader. It runs no script at all (`page-without-scripts.ts`), or, when
 * it cannot do without them (and under `next dev`, whose pages reload themselves), exactly its own inline scripts.
 */
export type RenderedPage = { body: Uint8Array<ArrayBuffer>; scripts: 'none' | { hashes: string[] }; contentType: string };
type Entry = RenderedPage & { tags: readonly string[]; revision: number; storedAt: number };
type Rendering = { page: Promise<Entry | null>; startedAt: number };

/**
 * What a reader of a kept address gets: the kept page, or (`isPrevious`) the one kept before it while the
 * new one is being rendered, which no cache in between may keep.
 */
export type KeptAnswer = { page: RenderedPage; isPrevious: boolean };

const shared = globalThis as unknown as {
  mastheadRenderedPages?: { entries: Map<string, Entry>; pending: Map<string, Rendering>; token: string };
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
 * at most. While it is rendered again, readers who come after the first wait a moment at most and then get
 * the previous page (`KeptAnswer`). Null when the page is not a plain 200 HTML page (redirects, 404s), which
 * then take the ordinary way.
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
}): Promise<KeptAnswer | null> {
  const { pending } = store();
  const address = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const key = variant ? variantKey(address, variant.name) : address;
  const kept = keptPage({ key });
  if (kept) return { page: kept, isPrevious: false };
  const rendering = pending.get(key);
  if (!rendering) {
    const page = render({ key, address, tags, revision, headers: variant?.headers ?? {} }).finally(() => pending.delete(key));
    pending.set(key, { page, startedAt: Date.now() });
    return freshAnswer(await page);
  }
  const previous = previousPage(key, rendering);
  if (!previous) return freshAnswer(await rendering.page);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<'waited'>((resolve) => (timer = setTimeout(() => resolve('waited'), rendering.startedAt + FRESH_WAIT_MS - Date.now())));
  const first = await Promise.race([rendering.page, waited]);
  clearTimeout(timer);
  return first === 'waited' ? { page: previous, isPrevious: true } : freshAnswer(first);
}

function freshAnswer(page: Entry | null): KeptAnswer | null {
  return page ? { page, isPrevious: false } : null;
}

/**
 * The kept page for `key`, or else the previous one when its new render has been under way for a moment
 * (`FRESH_WAIT_MS`): what is answered before Next routes a request, without waiting. Null otherwise.
 */
export function keptOrPreviousPage({ key }: { key: string }): KeptAnswer | null {
  const kept = keptPage({ key });
  if (kept) return { page: kept, isPrevious: false };
  const rendering = store().pending.get(key);
  if (!rendering || Date.now() - rendering.startedAt < FRESH_WAIT_MS) return null;
  const previous = previousPage(key, rendering);
  return previous ? { page: previous, isPrevious: true } : null;
}

/** The page kept before, while its new render is young and it is itself recent; anything older is not shown. */
function previousPage(key: string, rendering: Rendering): Entry | null {
  const entry = store().entries.get(key);
  const now = Date.now();
  return entry && now - rendering.startedAt < PREVIOUS_RENDER_LIMIT_MS && now - entry.storedAt < PREVIOUS_AGE_LIMIT_MS ? entry : null;
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
    // The address no longer answers with a page: what was kept for it must not stand in for one.
    entries.delete(key);
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
