import { NextResponse, type NextRequest } from 'next/server';
import { GATED_CACHE_CONTROL, isGatedArticleSlug } from '@/lib/access/is-gated-article-slug';
import { articleSlugStatus } from '@/lib/articles/article-slug-status';
import { withdrawnArticleHtml } from '@/lib/articles/withdrawn-article-html';
import { findRedirect } from '@/lib/migration/redirects/redirects';
import { readPageGeneration } from '@/lib/platform/cache/page-generation';
import { publicKeyHeaders } from '@/lib/platform/edge/edge-keys';
import { getConfig } from '@/lib/platform/config/get-config';
import { DEFAULT_SITE_SETTINGS, getSiteName } from '@/lib/platform/settings/site-settings';
import { contentSecurityPolicy } from '@/lib/site/content-security-policy';
import { isInternalRender, isRenderedPageCacheable, renderedPage } from '@/lib/site/rendered-page-cache';
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
    nonce: newNonce(),
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
  if (isWithdrawnArticle(pathname)) {
    return new Response(request.method === 'HEAD' ? null : withdrawnArticleHtml({ siteName: siteNameOrDefault() }), {
      status: 410,
      headers: { ...headers, ...publicKeyHeaders({ method: request.method, pathname }), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
    });
  }
  // A gated article is answered per reader: never from a kept page, never kept by a shared cache.
  const isGated = isGatedArticle(pathname);
  if (!isGated && !isInternalRender(request) && isRenderedPageCacheable(request)) {
    const page = await renderedPageOrNull(request);
    if (page) {
      // The kept page with a nonce of its own: every response still gets a fresh one.
      const nonce = newNonce();
      const freshPolicy = contentSecurityPolicy({ nonce, isStaffArea: false, isDevelopment: process.env.NODE_ENV === 'development', isHttps: request.nextUrl.protocol === 'https:' });
      return new Response(page.html.replaceAll(page.nonce, nonce), {
        status: 200,
        headers: {
          ...securityHeaders({ policy: freshPolicy, isStaffArea: false, siteUrl }),
          ...publicKeyHeaders({ method: request.method, pathname }),
          'Content-Type': page.contentType,
          'Cache-Control': READER_CACHE_CONTROL,
          'X-Masthead-Page': 'kept',
        },
      });
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
  if (isGated) {
    response.headers.set('Cache-Control', GATED_CACHE_CONTROL);
    return response;
  }
  // What a shared cache keeps carries the keys it is purged by (reader pages and feeds).
  withHeaders(response, publicKeyHeaders({ method: request.method, pathname }));
  if ((request.method === 'GET' || request.method === 'HEAD') && isCacheableReaderPath(pathname)) {
    response.headers.set('Cache-Control', READER_CACHE_CONTROL);
  }
  return response;
}

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
async function renderedPageOrNull(request: NextRequest) {
  try {
    return await renderedPage({ request, generation: readPageGeneration() });
  } catch (error) {
    console.error('Serving a kept page failed; rendering it instead:', error);
    return null;
  }
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
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

/** Only the article address itself: its feeds, images and everything else go on. */
function isWithdrawnArticle(pathname: string): boolean {
  const slug = articleSlugOf(pathname);
  if (slug === null) return false;
  try {
    return articleSlugStatus(slug) === 'gone';
  } catch (error) {
    // The page makes its own read and shows its own error; never fail a reader here.
    console.error('Checking for a withdrawn article failed:', error);
    return false;
  }
}

/** Whether the address is a gated article's page; when the check fails, it is treated as one, so nothing per reader is shared. */
function isGatedArticle(pathname: string): boolean {
  const slug = articleSlugOf(pathname);
  if (slug === null) return false;
  try {
    return isGatedArticleSlug({ slug });
  } catch (error) {
    console.error('Checking whether an article is gated failed:', error);
    return true;
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

function articleSlugOf(pathname: string): string | null {
  const match = /^\/articles\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
