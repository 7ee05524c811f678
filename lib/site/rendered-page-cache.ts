import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { internalOrigin } from '@/lib/platform/cache/internal-origin';
import { isCacheableReaderPath } from './security-headers';

/** Header marking the server's own request for a page it is about to keep. */
export const RENDER_HEADER = 'x-masthead-render';
const MAX_ENTRIES = 500;
const MAX_AGE_MS = 60_000;

export type RenderedPage = { html: string; nonce: string; contentType: string };
type Entry = RenderedPage & { generation: number; storedAt: number };

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
 * A reader page as rendered for this generation of the site (see `page-generation.ts`), rendered once
 * by asking the server itself and then served from memory. The caller gives each response a fresh
 * nonce in place of `nonce`. Null when the page is not a plain 200 HTML page (redirects, 404s), which
 * then take the ordinary way.
 */
export async function renderedPage({ request, generation }: { request: NextRequest; generation: number }): Promise<RenderedPage | null> {
  const { entries, pending } = store();
  const key = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const entry = entries.get(key);
  if (entry && entry.generation === generation && Date.now() - entry.storedAt < MAX_AGE_MS) return entry;
  let rendering = pending.get(key);
  if (!rendering) {
    rendering = render({ key, generation }).finally(() => pending.delete(key));
    pending.set(key, rendering);
  }
  return rendering;
}

async function render({ key, generation }: { key: string; generation: number }): Promise<Entry | null> {
  const origin = internalOrigin();
  if (!origin) return null;
  const { entries, token } = store();
  const response = await fetch(`${origin}${key}`, { headers: { [RENDER_HEADER]: token, Accept: 'text/html' }, redirect: 'manual' });
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !contentType.startsWith('text/html')) {
    await response.arrayBuffer();
    return null;
  }
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  if (!nonce) return null;
  const entry: Entry = { html, nonce, contentType, generation, storedAt: Date.now() };
  entries.delete(key);
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry;
}
