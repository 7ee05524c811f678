import 'server-only';
import type { FeedFormat } from './render-feed';

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/** Readers poll feeds often; five minutes fresh, and a stale copy may be served for an hour while a new one is fetched. */
export const FEED_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

export type FeedLookup = { status: 'found'; xml: string } | { status: 'moved'; location: string } | { status: 'missing' };

/** The HTTP answer for a feed address: the document, a 308 to where the feed lives now, or a 404. */
export function feedResponse({ lookup, format }: { lookup: FeedLookup; format: FeedFormat }): Response {
  if (lookup.status === 'moved') return new Response(null, { status: 308, headers: { Location: lookup.location } });
  if (lookup.status === 'missing') {
    return new Response('No such feed.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(lookup.xml, { headers: { 'Content-Type': CONTENT_TYPES[format], 'Cache-Control': FEED_CACHE_CONTROL } });
}
