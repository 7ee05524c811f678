import 'server-only';
import { and, asc, count, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, entities, entityAliases, type EntityKind, type EntityStatus } from '@/db/schema';
import { containsText } from '@/db/sql/contains-text';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';

export const DEFAULT_ENTITY_PAGE_SIZE = 50;
export const MAX_ENTITY_PAGE_SIZE = 200;

export type EntityListRow = {
  id: number;
  kind: EntityKind;
  name: string;
  slug: string;
  /** Added by an author and waiting for an editor's approval: not public yet. */
  isPending: boolean;
  aliasCount: number;
  /** Articles tagged with it, by mention or by hand. */
  articleCount: number;
  /** The aliases the query matched, when it matched an alias: shows why "Ottawa Convention" found the Mine Ban Treaty. */
  matchedAliases: string[];
};

export type EntityList = { rows: EntityListRow[]; total: number; page: number; pageSize: number; pageCount: number };

/**
 * The knowledge base, by name, optionally of one kind and matching a query. The query is compared
 * the way suggestions compare text (accents folded, case and hyphens ignored) with every alias and
 * name, anywhere in it; `status: 'pending'` keeps only those waiting for approval. Open to every staff
 * member: authors pick entities too.
 */
export function listEntities({
  query = '',
  kind = null,
  status = null,
  page = 1,
  pageSize = DEFAULT_ENTITY_PAGE_SIZE,
}: {
  query?: string;
  kind?: EntityKind | null;
  status?: EntityStatus | null;
  page?: number;
  pageSize?: number;
} = {}): EntityList {
  const db = getDb();
  const normalizedQuery = normalizeAlias(query.slice(0, 200));
  const size = Number.isInteger(pageSize) && pageSize > 0 ? Math.min(pageSize, MAX_ENTITY_PAGE_SIZE) : DEFAULT_ENTITY_PAGE_SIZE;
  const where = and(
    kind ? eq(entities.kind, kind) : undefined,
    status ? eq(entities.status, status) : undefined,
    normalizedQuery ? matchesQuery({ normalizedQuery, kind }) : undefined,
  );
  const total = db.select({ value: count() }).from(entities).where(where).get()?.value ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Number.isInteger(page) && page > 0 ? Math.min(page, pageCount) : 1;
  const rows = db
    .select({
      id: entities.id,
      kind: entities.kind,
      name: entities.name,
      slug: entities.slug,
      status: entities.status,
      aliasCount: sql<number>`(select count(*) from ${entityAliases} where ${entityAliases.entityId} = ${entities.id})`,
      articleCount: sql<number>`(select count(*) from ${articleEntities} where ${articleEntities.entityId} = ${entities.id})`,
    })
    .from(entities)
    .where(where)
    .orderBy(asc(sql`${entities.name} collate nocase`), asc(entities.id))
    .limit(size)
    .offset((current - 1) * size)
    .all();
  const matched = normalizedQuery ? matchedAliasesOf({ entityIds: rows.map((row) => row.id), normalizedQuery }) : new Map<number, string[]>();
  return {
    rows: rows.map(({ status: rowStatus, ...row }) => ({ ...row, isPending: rowStatus === 'pending', matchedAliases: matched.get(row.id) ?? [] })),
    total,
    page: current,
    pageSize: size,
    pageCount,
  };
}

function matchesQuery({ normalizedQuery, kind }: { normalizedQuery: string; kind: EntityKind | null }): SQL | undefined {
  const aliasMatches = exists(
    getDb()
      .select({ one: sql`1` })
      .from(entityAliases)
      .where(and(eq(entityAliases.entityId, entities.id), containsText(entityAliases.normalized, normalizedQuery))),
  );
  // Names are stored as written; folding them here is what makes "Spruds" find "Sprūds" by name.
  const nameMatchIds = getDb()
    .select({ id: entities.id, name: entities.name })
    .from(entities)
    .where(kind ? eq(entities.kind, kind) : undefined)
    .all()
    .filter((entity) => normalizeAlias(entity.name).includes(normalizedQuery))
    .map((entity) => entity.id);
  // One JSON parameter however many names match, instead of one bound variable per id.
  const nameMatches = sql`${entities.id} in (select value from json_each(${JSON.stringify(nameMatchIds)}))`;
  return or(nameMatches, aliasMatches);
}

function matchedAliasesOf({ entityIds, normalizedQuery }: { entityIds: number[]; normalizedQuery: string }): Map<number, string[]> {
  const matched = new Map<number, string[]>();
  if (entityIds.length === 0) return matched;
  const rows = getDb()
    .select({ entityId: entityAliases.entityId, alias: entityAliases.alias })
    .from(entityAliases)
    .where(and(inArray(entityAliases.entityId, entityIds), containsText(entityAliases.normalized, normalizedQuery)))
    .orderBy(asc(entityAliases.id))
    .all();
  for (const row of rows) matched.set(row.entityId, [...(matched.get(row.entityId) ?? []), row.alias]);
  return matched;
}
