import 'server-only';
import type { EntityKind } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { entityPath } from '@/lib/entities/entity-path';
import { feedResponse } from './feed-response';
import { getEntityFeed } from './get-entity-feed';

/** The HTTP answer for `/<kind segment>/<slug>/feed.xml`: the feed, a 308 to the entity's current feed, or a 404. */
export function entityFeedResponse({ kind, slug }: { kind: EntityKind; slug: string }): Response {
  const feed = getEntityFeed({ kind, slug, siteUrl: getConfig().siteUrl });
  const lookup = feed.status === 'moved' ? { status: 'moved' as const, location: `${entityPath(feed.to)}/feed.xml` } : feed;
  return feedResponse({ lookup, format: 'rss' });
}
