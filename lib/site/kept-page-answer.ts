import 'server-only';
import { isAnonymousTeaserRequest } from '@/lib/access/anonymous-teaser';
import { GATED_CACHE_CONTROL } from '@/lib/access/is-gated-article-slug';
import { gzipSync } from 'node:zlib';
import { findRedirect } from '@/lib/migration/redirects/redirects';
import { latestTagRevision } from '@/lib/platform/cache/tag-revisions';
import { getConfig } from '@/lib/platform/config/get-config';
import { contentSecurityPolicy } from './content-security-policy';
import { readerPathFacts } from './reader-path-facts';
import { ANONYMOUS_VARIANT, keptOrPreviousPage, RENDER_HEADER, variantKey, type KeptAnswer, type RenderedPage } from './rendered-page-cache';
import { isCacheableReaderPath, READER_CACHE_CONTROL, securityHeaders } from './security-headers';

/** A request as a plain Node server sees it, before Next does. */
export type PlainRequest = { method: string; url: string; header: (name: string) => string | undefined };

/** A whole answer: status, headers and the bytes of the body. */
export type PlainAnswer = { status: number; headers: Record<string, string>; body: Uint8Array };

/**
 * The headers of a kept page: the same for every reader, so any cache may share it. It may run no script,
 * or only its inline scripts by their hashes (`inline-script-hashes.ts`); the nonce it was rendered with is in no policy.
 */
export function keptPageHeaders({ page, keyHeaders, isHttps }: { page: RenderedPage; keyHeaders: Record<string, string>; isHttps: boolean }): Record<string, string> {
  // Built once per kept page and address facts (both are replaced, never changed, when what they hold changes).
  const built = builtHeaders.get(page);
  if (built && built.keyHeaders === keyHeaders && built.isHttps === isHttps) return built.headers;
  const headers = buildKeptPageHeaders({ page, keyHeaders, isHttps });
  builtHeaders.set(page, { keyHeaders, isHttps, headers });
  return headers;
}

const builtHeaders = new WeakMap<RenderedPage, { keyHeaders: Record<string, string>; isHttps: boolean; headers: Readonly<Record<string, string>> }>();

function buildKeptPageHeaders({ page, keyHeaders, isHttps }: { page: RenderedPage; keyHeaders: Record<string, string>; isHttps: boolean }): Record<string, string> {
  const policy = contentSecurityPolicy({ scripts: page.scripts, isStaffArea: false, isDevelopment: process.env.NODE_ENV === 'development', isHttps });
  return {
    ...securityHeaders({ policy, isStaffArea: false, siteUrl: getConfig().siteUrl }),
    ...keyHeaders,
    'Content-Type': page.contentType,
    'Cache-Control': READER_CACHE_CONTROL,
    'X-Masthead-Page': 'kept',
    // The same address answers client navigations with other bytes (RSC), and this one may go out gzipped.
    Vary: 'RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding',
  };
}

/**
 * A reader page answered straight from memory, before Next routes the request, when `proxy.ts` would
 * answer it with the same kept page: a GET of a reader address with no old-address redirect, not a
 * withdrawn or gated article, not a client navigation, kept, with nothing it shows changed since. Anything else
 * (and any doubt) is null, and the request takes the ordinary way through the proxy.
 */
export function answerFromKeptPage(request: PlainRequest): PlainAnswer | null {
  if (request.method !== 'GET' || !request.url.startsWith('/')) return null;
  if (request.header('rsc') !== undefined || request.header('next-router-prefetch') !== undefined || request.header(RENDER_HEADER) !== undefined) return null;
  const queryAt = request.url.indexOf('?');
  const pathname = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const search = queryAt === -1 ? '' : request.url.slice(queryAt);
  if (!isCacheableReaderPath(pathname) || (pathname.length > 1 && pathname.endsWith('/')) || /[?&]_rsc=/.test(search) || !isDecodable(pathname)) return null;
  try {
    if ((pathname !== '/' || search) && findRedirect(request.url, { countHit: false })) return null;
    const facts = readerPathFacts({ pathname, revision: latestTagRevision() });
    if (facts.isWithdrawn) return null;
    const isHttps = request.header('x-forwarded-proto') === 'https';
    if (facts.isGated) return keptTeaserAnswer({ request, pathname, search, isHttps });
    const answer = keptOrPreviousPage({ key: `${pathname}${search}` });
    if (!answer) return null;
    return encoded(request, { status: 200, headers: withPreviousMark(keptPageHeaders({ page: answer.page, keyHeaders: facts.keyHeaders, isHttps }), answer), page: answer.page });
  } catch (error) {
    console.error('Answering from a kept page failed; passing the request on:', error);
    return null;
  }
}

/**
 * A gated article's kept public part, for a request that brings no cookie and no credentials, as the proxy
 * answers it. Only while IP access is off (no TRUSTED_PROXIES): the address that decides it is Next's record
 * of the connection, which this early answer does not have, so with IP access on the proxy decides.
 */
function keptTeaserAnswer({ request, pathname, search, isHttps }: { request: PlainRequest; pathname: string; search: string; isHttps: boolean }): PlainAnswer | null {
  if ((process.env.TRUSTED_PROXIES ?? '').trim() !== '') return null;
  if (request.header('cookie') !== undefined || request.header('authorization') !== undefined) return null;
  const slug = /^\/articles\/([^/]+)$/.exec(pathname)?.[1];
  if (!slug || !isAnonymousTeaserRequest({ slug: decodeURIComponent(slug), headers: new Headers() })) return null;
  const answer = keptOrPreviousPage({ key: variantKey(`${pathname}${search}`, ANONYMOUS_VARIANT) });
  if (!answer) return null;
  const headers = { ...keptPageHeaders({ page: answer.page, keyHeaders: {}, isHttps }), 'Cache-Control': GATED_CACHE_CONTROL };
  return encoded(request, { status: 200, headers: withPreviousMark(headers, answer), page: answer.page });
}

/**
 * The headers of a previous page answered while its new one renders: marked, and no longer shared. A cache in
 * between must ask again rather than keep it, since the edge was purged of it when what it shows changed.
 */
export function withPreviousMark(headers: Record<string, string>, answer: KeptAnswer): Record<string, string> {
  if (!answer.isPrevious) return headers;
  return { ...headers, 'X-Masthead-Page': 'previous', ...(headers['Cache-Control'] === READER_CACHE_CONTROL ? { 'Cache-Control': 'no-cache' } : {}) };
}

/** The kept page's bytes, gzipped (once per page) for a client that takes gzip. */
function encoded(request: PlainRequest, { status, headers, page }: { status: number; headers: Record<string, string>; page: RenderedPage }): PlainAnswer {
  if (!acceptsGzip(request.header('accept-encoding'))) return { status, headers, body: page.body };
  return { status, headers: { ...headers, 'Content-Encoding': 'gzip' }, body: gzipped(page) };
}

// Compressed once per kept page, not once per response.
const compressed = new WeakMap<RenderedPage, Uint8Array>();

function gzipped(page: RenderedPage): Uint8Array {
  let body = compressed.get(page);
  if (!body) {
    body = gzipSync(page.body, { level: 9 });
    compressed.set(page, body);
  }
  return body;
}

/** Whether an `Accept-Encoding` header takes gzip: named (or `*`) with a weight above zero. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  return (weights.get('gzip') ?? weights.get('*') ?? 0) > 0;
}

/** Whether an address's percent-escapes decode; one with a broken escape names no page. */
export function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// The production server (`scripts/start-server.mjs`) looks here for the answer before handing a request to Next.
(globalThis as { mastheadAnswerFromKeptPage?: typeof answerFromKeptPage }).mastheadAnswerFromKeptPage = answerFromKeptPage;
