import 'server-only';
import type { EntityKind } from '@/db/schema';
import { getConfig } from '@/lib/config/get-config';
import { entityPath } from '@/lib/entities/entity-path';
import { getEntityFeed } from './get-entity-feed';

/** The HTTP answer for `/<kind segment>/<slug>/feed.xml`: the feed, a 308 to the entity's current feed, or a 404. */
export function entityFeedResponse({ kind, slug }: { kind: EntityKind; slug: string }): Response {
  const feed = getEntityFeed({ kind, slug, siteUrl: getConfig().siteUrl });
  if (feed.status === 'moved') {
    return new Response(null, { status: 308, headers: { Location: `${entityPath(feed.to)}/feed.xml` } });
  }
  if (feed.status === 'missing') {
    return new Response('No such feed.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(feed.xml, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}
