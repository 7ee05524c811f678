import 'server-only';
import type { EntityKind } from '@/db/schema';
import { lookupEntity } from '@/lib/entities/get-entity-page';
import { entityPath } from '@/lib/entities/entity-path';
import { listEntityArticles } from '@/lib/entities/list-entity-articles';
import { renderRss } from './rss';

export const ENTITY_FEED_SIZE = 30;

export type EntityFeed =
  | { status: 'found'; xml: string }
  | { status: 'moved'; to: { kind: EntityKind; slug: string } }
  | { status: 'missing' };

/** The RSS feed of an entity: its latest published articles, with absolute links on `siteUrl`. */
export function getEntityFeed({ kind, slug, siteUrl }: { kind: EntityKind; slug: string; siteUrl: string }): EntityFeed {
  const lookup = lookupEntity({ kind, slug });
  if (lookup.status !== 'found') return lookup;
  const { entity } = lookup;
  const { articles } = listEntityArticles({ entityId: entity.id, limit: ENTITY_FEED_SIZE });
  const pageUrl = `${siteUrl}${entityPath(entity)}`;
  // Slugs can change; a guid must not, or subscribers would see the article again as new.
  const guidAuthority = `tag:${new URL(siteUrl).hostname},2018:article:`;
  const xml = renderRss({
    title: `${entity.name} · Masthead`,
    link: pageUrl,
    description: `The latest from Masthead on ${entity.name}.`,
    selfUrl: `${pageUrl}/feed.xml`,
    language: 'en',
    items: articles.map((article) => ({
      title: article.title,
      link: `${siteUrl}/articles/${article.slug}`,
      guid: `${guidAuthority}${article.id}`,
      isGuidPermaLink: false,
      pubDate: article.publishedAt,
      description: article.dek || article.excerpt,
      creators: article.authors.map((author) => author.name),
    })),
  });
  return { status: 'found', xml };
}
