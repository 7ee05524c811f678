import 'server-only';
import { createHash } from 'node:crypto';
import { findIntegrationByKey } from '@/lib/api/integrations/integrations';
import { cacheTags } from '@/lib/platform/cache/cache-tags';
import { edgeKey, edgeKeyHeaders } from '@/lib/platform/edge/edge-keys';
import { hitRateLimits, type RateLimit } from '@/lib/readers/hit-rate-limit';
import { READER_CACHE_CONTROL } from '@/lib/site/security-headers';
import { clientIp } from '@/lib/staff/auth/client-ip';
import { ContentApiError } from './content-api-error';
import { browseContentAuthors, readContentAuthor } from './content-authors';
import { browseContentPages, readContentPage } from './content-pages';
import { browseContentPosts, readContentPost } from './content-posts';
import { readContentQuery, type ContentQuery } from './content-query';
import { contentSettings } from './content-settings';
import { browseContentTags, readContentTag } from './content-tags';

/** Per key and per client address, each within a minute: generous for a site's build, firm against a scraper. */
export const CONTENT_API_RATE_LIMITS = {
  byKey: { bucket: 'content-api:key', limit: 600, windowMs: 60_000 },
  byAddress: { bucket: 'content-api:ip', limit: 300, windowMs: 60_000 },
} satisfies Record<string, RateLimit>;

/** Ghost's Content API is meant for browsers on other sites: every origin may read it, without credentials. */
const CORS_HEADERS = { 'Access-Control-Allow-Origin': '*' };

type Lookup = { id: string } | { slug: string };
type Resource = { browse: (query: ContentQuery) => unknown; read: (query: ContentQuery, lookup: Lookup) => unknown };

const RESOURCES: Record<string, Resource> = {
  posts: { browse: browseContentPosts, read: readContentPost },
  pages: { browse: browseContentPages, read: readContentPage },
  authors: { browse: browseContentAuthors, read: readContentAuthor },
  tags: { browse: browseContentTags, read: readContentTag },
};

/**
 * Answers one GET under `/ghost/api/content/` as Ghost would: checks the key and the rate limits, runs
 * the browse or read, and answers JSON that shared caches may keep (the same for every holder of a key).
 */
export function answerContentRequest({ request, path, limits = CONTENT_API_RATE_LIMITS }: { request: Request; path: string[]; limits?: typeof CONTENT_API_RATE_LIMITS }): Response {
  const url = new URL(request.url);
  try {
    const integration = checkKey(url.searchParams.get('key'));
    const address = clientIp(request.headers);
    if (!hitRateLimits({ hits: [{ limit: limits.byAddress, key: address }, { limit: limits.byKey, key: String(integration.id) }] })) {
      const retryAfter = Math.ceil(Math.max(limits.byAddress.windowMs, limits.byKey.windowMs) / 1000);
      return errorResponse(new ContentApiError('TooManyRequestsError', 'Too many requests.', `Too many requests for this key or address; try again in ${retryAfter} seconds.`), { 'Retry-After': String(retryAfter) });
    }
    const body = JSON.stringify(route(path, { ...readContentQuery(url.searchParams), readsMembersContent: integration.readsMembersContent }));
    return jsonResponse({ request, body, isPrivate: integration.readsMembersContent, integrationId: integration.id });
  } catch (error) {
    if (error instanceof ContentApiError) return errorResponse(error);
    console.error('A Content API request failed:', error);
    return errorResponse(new ContentApiError('InternalServerError', 'The server could not answer this request; try again shortly.'));
  }
}

/** The answer to a browser's preflight: any origin may send GET with Ghost's client headers. */
export function answerContentPreflight(request: Request): Response {
  const asked = request.headers.get('access-control-request-headers');
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': asked && /^[\w-]+(\s*,\s*[\w-]+)*$/.test(asked) ? asked : 'Accept-Version, Content-Type',
      'Access-Control-Max-Age': '86400',
      'Cache-Control': 'public, max-age=86400',
    },
  });
}

function checkKey(key: string | null): { id: number; readsMembersContent: boolean } {
  if (!key) {
    throw new ContentApiError(
      'UnauthorizedError',
      'Authorization failed',
      'Unable to determine the authenticated member or integration. Check the supplied Content API Key and ensure cookies are being passed through if member auth is failing.',
    );
  }
  const integration = /^[0-9a-f]{26}$/.test(key) ? findIntegrationByKey({ key }) : null;
  if (!integration) throw new ContentApiError('UnauthorizedError', 'Unknown Content API Key');
  return integration;
}

function route(path: string[], query: ContentQuery): unknown {
  const [name = '', second, third, ...rest] = path;
  if (name === 'settings' && path.length === 1) return contentSettings();
  const resource = RESOURCES[name];
  if (resource && rest.length === 0) {
    if (second === undefined) return resource.browse(query);
    if (third === undefined && second !== 'slug') return resource.read(query, { id: second });
    if (second === 'slug' && third !== undefined) return resource.read(query, { slug: third });
  }
  throw new ContentApiError('NotFoundError', 'Resource not found', `There is no Content API resource at /ghost/api/content/${path.join('/')}/.`);
}

function jsonResponse({ request, body, isPrivate, integrationId }: { request: Request; body: string; isPrivate: boolean; integrationId: number }): Response {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    // Public content, the same for every holder of a valid key (the key is in the address): shared caches may keep it.
    // A members key reads what others may not: nothing it is answered may be kept by a shared cache.
    'Cache-Control': isPrivate ? 'private, no-store' : READER_CACHE_CONTROL,
    ETag: etag,
    // Kept at the edge under the key's integration, so revoking the key purges what it was answered, and
    // under the Content API's own key, which every change readers can see purges.
    ...(isPrivate ? {} : edgeKeyHeaders([cacheTags.contentApi, cacheTags.integration(integrationId)].map(edgeKey))),
  };
  if (request.headers.get('accept-version')) headers['Content-Version'] = 'v6.0';
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

function errorResponse(error: ContentApiError, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(error.toBody()), {
    status: error.status,
    headers: { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
  });
}
