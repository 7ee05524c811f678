import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, entityAliases, type EntityFacts, type EntityKind } from '@/db/schema';
import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { isApprovedEntity } from './is-approved-entity';
import { listEntityArticles } from './list-entity-articles';
import { relatedEntities, type RelatedEntity } from './related-entities';
import { resolveEntityRedirect } from './resolve-entity-redirect';

export const ENTITY_ARTICLES_PER_PAGE = 20;

export type EntityProfile = {
  id: number;
  kind: EntityKind;
  name: string;
  slug: string;
  description: string;
  facts: EntityFacts;
  aliases: string[];
  wikidataId: string | null;
  /** The country entity that `facts.country` (an ISO 3166 alpha-2 code) names, when we have it. */
  country: { name: string; slug: string } | null;
};

/** What a public entity address leads to: the entity, the entity it now belongs to, or nothing. */
export type EntityLookup =
  | { status: 'found'; entity: EntityProfile }
  | { status: 'moved'; to: { kind: EntityKind; slug: string } }
  | { status: 'missing' };

export type EntityPageData = {
  entity: EntityProfile;
  articles: PublishedArticleSummary[];
  page: number;
  pageCount: number;
  totalArticles: number;
  related: RelatedEntity[];
};

export type EntityPageResult =
  | { status: 'found'; data: EntityPageData }
  | { status: 'moved'; to: { kind: EntityKind; slug: string } }
  | { status: 'missing' };

/** An entity page: the entity, one page of its published articles (newest first) and its related entities. */
export function getEntityPage({ kind, slug, page }: { kind: EntityKind; slug: string; page: number }): EntityPageResult {
  if (!Number.isSafeInteger(page) || page < 1) return { status: 'missing' };
  const lookup = lookupEntity({ kind, slug });
  if (lookup.status !== 'found') return lookup;
  const { entity } = lookup;
  const listed = listEntityArticles({
    entityId: entity.id,
    limit: ENTITY_ARTICLES_PER_PAGE,
    offset: (page - 1) * ENTITY_ARTICLES_PER_PAGE,
  });
  const pageCount = Math.max(1, Math.ceil(listed.total / ENTITY_ARTICLES_PER_PAGE));
  if (page > pageCount) return { status: 'missing' };
  return {
    status: 'found',
    data: {
      entity,
      articles: listed.articles,
      page,
      pageCount,
      totalArticles: listed.total,
      related: relatedEntities({ entityId: entity.id }),
    },
  };
}

/** Finds an approved entity by its public address; an old address (merge, renamed slug) names its current entity. */
export function lookupEntity({ kind, slug }: { kind: EntityKind; slug: string }): EntityLookup {
  const db = getDb();
  const row = db
    .select({
      id: entities.id,
      kind: entities.kind,
      name: entities.name,
      slug: entities.slug,
      description: entities.description,
      facts: entities.facts,
      wikidataId: entities.wikidataId,
    })
    .from(entities)
    .where(and(eq(entities.kind, kind), eq(entities.slug, slug), isApprovedEntity()))
    .get();
  if (!row) {
    const moved = resolveEntityRedirect({ kind, slug });
    return moved ? { status: 'moved', to: moved } : { status: 'missing' };
  }
  const aliases = db
    .select({ alias: entityAliases.alias })
    .from(entityAliases)
    .where(eq(entityAliases.entityId, row.id))
    .orderBy(asc(entityAliases.id))
    .all()
    .map((entry) => entry.alias)
    .filter((alias) => alias !== row.name);
  return {
    status: 'found',
    entity: { ...row, facts: row.facts ?? {}, aliases, country: countryNamedIn(row.facts) },
  };
}

function countryNamedIn(facts: EntityFacts | null): { name: string; slug: string } | null {
  const code = facts?.country;
  if (typeof code !== 'string' || code === '') return null;
  return (
    getDb()
      .select({ name: entities.name, slug: entities.slug })
      .from(entities)
      .where(and(eq(entities.kind, 'country'), isApprovedEntity(), sql`upper(json_extract(${entities.facts}, '$.iso2')) = ${code.toUpperCase()}`))
      .get() ?? null
  );
}
