import 'server-only';
import type { EntityKind } from '@/db/schema';
import { lookupEntity } from '@/lib/entities/get-entity-page';
import { entityPath } from '@/lib/entities/entity-path';
import { FEED_SIZE, publicArticlesFeed } from './public-articles-feed';
import { getSiteName } from '@/lib/platform/settings/site-settings';

export const ENTITY_FEED_SIZE = FEED_SIZE;

export type EntityFeed =
  | { status: 'found'; xml: string }
  | { status: 'moved'; to: { kind: EntityKind; slug: string } }
  | { status: 'missing' };

/** The RSS feed of an entity: its latest published articles, with absolute links on `siteUrl`. */
export function getEntityFeed({ kind, slug, siteUrl }: { kind: EntityKind; slug: string; siteUrl: string }): EntityFeed {
  const lookup = lookupEntity({ kind, slug });
  if (lookup.status !== 'found') return lookup;
  const { entity } = lookup;
  const pagePath = entityPath(entity);
  const xml = publicArticlesFeed({
    scope: { kind: 'entity', entityId: entity.id },
    siteUrl,
    format: 'rss',
    title: `${entity.name} · ${getSiteName()}`,
    description: `The latest from ${getSiteName()} on ${entity.name}.`,
    pagePath,
    feedPath: `${pagePath}/feed.xml`,
  });
  return { status: 'found', xml };
}
