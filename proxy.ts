import { NextResponse, type NextRequest } from 'next/server';
import { isAnonymousTeaserRequest, TEASER_RENDER_ADDRESS } from '@/lib/access/anonymous-teaser';
import { GATED_CACHE_CONTROL } from '@/lib/access/is-gated-article-slug';
import { withdrawnArticleHtml } from '@/lib/articles/withdrawn-article-html';
import { findRedirect } from '@/lib/migration/redirects/redirects';
import { latestTagRevision } from '@/lib/platform/cache/tag-revisions';
import { isKeyedPath } from '@/lib/platform/edge/edge-keys';
import { getConfig } from '@/lib/platform/config/get-config';
import { DEFAULT_SITE_SETTINGS, getSiteName } from '@/lib/platform/settings/site-settings';
import { contentSecurityPolicy } from '@/lib/site/content-security-policy';
import { isDecodable, keptPageHeaders, withPreviousMark } from '@/lib/site/kept-page-answer';
import { readerPathFacts, type ReaderPathFacts } from '@/lib/site/reader-path-facts';
import { ANONYMOUS_VARIANT, isInternalRender, isRenderedPageCacheable, renderedPage } from '@/lib/site/rendered-page-cache';
import { isCacheableReaderPath, isStaffPath, READER_CACHE_CONTROL, securityHeaders, transportSecurityHeaders } from '@/lib/site/security-headers';

/**
 * In front of every page and route: sets the security headers with a fresh script nonce (Next reads
 * it from the request's policy and puts it on its own scripts; ADR 007), lets caches keep reader
 * pages, and answers 410 Gone for a withdrawn article, which an App Router page cannot do (ADR 005).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // SITE_URL is read per request, so HSTS follows the running server's setting, not the build's.
  const { siteUrl } = getConfig();
  // An address with broken percent-encoding names no page; Next would fail decoding it with a 500.
  if (!isDecodable(pathname)) {
    return new Response('That address is not valid: it contains a broken %-escape.', { status: 400, headers: { ...transportSecurityHeaders(siteUrl), 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  if (isAssetPath(pathname)) return withHeaders(NextResponse.next(), transportSecurityHeaders(siteUrl));
  const policy = contentSecurityPolicy({
    scripts: { nonce: newNonce() },
    isStaffArea: isStaffPath(pathname),
    isDevelopment: process.env.NODE_ENV === 'development',
    isHttps: request.nextUrl.protocol === 'https:',
  });
  const headers = securityHeaders({ policy, isStaffArea: isStaffPath(pathname), siteUrl });
  const redirectTo = oldAddressTarget(request);
  if (redirectTo) {
    // Browsers keep a 301 for good unless told otherwise; an hour lets a removed redirect stop working.
    const location = /^https?:\/\//.test(redirectTo) ? redirectTo : `${siteUrl}${redirectTo}`;
    return new Response(null, { status: 301, headers: { ...headers, Location: location, 'Cache-Control': 'public, max-age=3600' } });
  }
  // After old addresses, so an imported permalink (`/2019/03/slug/`) takes one hop, not two.
  // Next's own trailing-slash redirect is off (next.config.js) so that Content API addresses are answered as asked.
  if (pathname.length > 1 && pathname.endsWith('/') && !isContentApiPath(pathname)) {
    // A plain URL: Next's own URL object would put the trailing slash back when it is written out.
    const trimmed = new URL(request.url);
    trimmed.pathname = pathname.replace(/\/+$/, '') || '/';
    return new Response(null, { status: 308, headers: { ...headers, Location: trimmed.toString() } });
  }
  const revision = tagRevisionOrNone();
  const facts = factsOf(pathname, revision);
  // What a shared cache keeps carries the keys it is purged by (reader pages and feeds).
  const keyHeaders = request.method === 'GET' || request.method === 'HEAD' ? facts.keyHeaders : {};
  if (facts.isWithdrawn) {
    return new Response(request.method === 'HEAD' ? null : withdrawnArticleHtml({ siteName: siteNameOrDefault() }), {
      status: 410,
      headers: { ...headers, ...keyHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
    });
  }
  // A gated article is answered per reader: never from a kept page, never kept by a shared cache.
  const isGated = facts.isGated;
  if (!isGated && facts.tags && !Number.isNaN(revision) && !isInternalRender(request) && isRenderedPageCacheable(request)) {
    const answer = await renderedPageOrNull(request, facts.tags, revision);
    if (answer) {
      // One page for every reader and every shared cache: its inline scripts are allowed by their hashes.
      const pageHeaders = keptPageHeaders({ page: answer.page, keyHeaders, isHttps: request.nextUrl.protocol === 'https:' });
      return new Response(answer.page.body, { status: 200, headers: withPreviousMark(pageHeaders, answer) });
    }
  }
  // A gated article for a reader who brings nothing but the address: the public part everyone without access
  // gets, kept once, and still never shared by a cache in between (a member behind it must get their own).
  if (isGated && facts.tags && !Number.isNaN(revision) && !isInternalRender(request) && isRenderedPageCacheable(request) && isTeaserRequest(request)) {
    const answer = await renderedPageOrNull(request, facts.tags, revision, { name: ANONYMOUS_VARIANT, headers: { 'x-forwarded-for': TEASER_RENDER_ADDRESS } });
    if (answer) {
      const pageHeaders = keptPageHeaders({ page: answer.page, keyHeaders: {}, isHttps: request.nextUrl.protocol === 'https:' });
      return new Response(answer.page.body, { status: 200, headers: withPreviousMark({ ...pageHeaders, 'Cache-Control': GATED_CACHE_CONTROL }, answer) });
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
  if (isGated) {
    response.headers.set('Cache-Control', GATED_CACHE_CONTROL);
    return response;
  }
  withHeaders(response, keyHeaders);
  if ((request.method === 'GET' || request.method === 'HEAD') && isCacheableReaderPath(pathname)) {
    // A whole page rendered here carries this request's nonce: a shared cache must not hand it to others.
    // (The server's own render for keeping is also answered this way; the kept copy is shared instead.)
    response.headers.set('Cache-Control', isRenderedPageCacheable(request) ? PER_REQUEST_PAGE_CACHE_CONTROL : READER_CACHE_CONTROL);
  }
  return response;
}

/** Browsers and caches may keep it only to ask again: it is sent once, with its own nonce. */
const PER_REQUEST_PAGE_CACHE_CONTROL = 'no-cache';

// Every path: built assets, images and media get only HSTS here, their other headers come from next.config.js.
// Except the import upload: in front of a route the proxy buffers the body and cuts it at 10 MB.
export const config = { matcher: '/((?!api/desk/import/upload(?:$|\\?)).*)' };

/** Ghost's Content API, whose clients always end addresses with a slash. */
function isContentApiPath(pathname: string): boolean {
  return pathname.startsWith('/ghost/api/content/');
}

/** Files, not pages: no policy or nonce, only the address check and HSTS. */
function isAssetPath(pathname: string): boolean {
  return /^\/(_next\/static\/|_next\/image(\/|$)|api\/media\/|favicon\.ico$)/.test(pathname);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString('base64');
}

/** The kept rendering of a reader page, or null to render it the ordinary way (also when keeping fails). */
async function renderedPageOrNull(request: NextRequest, tags: readonly string[], revision: number, variant?: { name: string; headers: Record<string, string> }) {
  try {
    return await renderedPage({ request, tags, revision, variant });
  } catch (error) {
    console.error('Serving a kept page failed; rendering it instead:', error);
    return null;
  }
}

/** Where an old address (an imported permalink, a hand-made redirect) now lives; reads only for GET and HEAD outside the desk and API. */
function oldAddressTarget(request: NextRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const { pathname, search } = request.nextUrl;
  if (isStaffPath(pathname) || pathname.startsWith('/api/') || (pathname === '/' && !search)) return null;
  try {
    return findRedirect(`${pathname}${search}`)?.toPath ?? null;
  } catch (error) {
    // A reader still gets the page (or its 404) when the lookup fails.
    console.error('Looking up a redirect failed:', error);
    return null;
  }
}

const NO_FACTS: ReaderPathFacts = { isWithdrawn: false, isGated: false, keyHeaders: {}, tags: null };

/** Article pages are checked for withdrawal and gating; reader pages and feeds carry keys; nothing else needs a look. */
function factsOf(pathname: string, revision: number): ReaderPathFacts {
  if (!pathname.startsWith('/articles/') && !isKeyedPath(pathname)) return NO_FACTS;
  return readerPathFacts({ pathname, revision });
}

/** Whether an article address is asked for by an anonymous reader whom the gate shows its public part; false on any doubt. */
function isTeaserRequest(request: NextRequest): boolean {
  const slug = /^\/articles\/([^/]+)$/.exec(request.nextUrl.pathname)?.[1];
  if (!slug) return false;
  try {
    return isAnonymousTeaserRequest({ slug: decodeURIComponent(slug), headers: request.headers });
  } catch (error) {
    console.error('Deciding whether a reader gets the kept public part failed:', error);
    return false;
  }
}

/** The newest tag revision (`tag-revisions.ts`), or NaN when it cannot be read: then nothing is kept or served from memory. */
function tagRevisionOrNone(): number {
  try {
    return latestTagRevision();
  } catch (error) {
    console.error('Reading the cache tag expirations failed:', error);
    return Number.NaN;
  }
}

/** The name for a page answered here; the default when settings cannot be read, as a reader must still get the page. */
function siteNameOrDefault(): string {
  try {
    return getSiteName();
  } catch (error) {
    console.error('Reading the site name failed:', error);
    return DEFAULT_SITE_SETTINGS.siteName;
  }
}
