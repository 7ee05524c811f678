import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { entities, entityAliases, type EntityKind } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { reindexArticlesOfEntity } from '@/lib/site/search/reindex-articles-of-entity';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import { ENTITY_KIND_LABELS } from './entity-path';
import type { EntityWriteResult } from './entity-write-result';
import { invalidateKnownEntityIndex } from './known-entity-index';
import { loadEntity } from './load-entity';

export const MAX_ALIAS_LENGTH = 300;

export type SharedAliasEntity = { id: number; kind: EntityKind; name: string };

/**
 * Adds another name the entity goes by. The same words may also name another entity ("Georgia"
 * the country and the US state): that is allowed, and the answer carries a warning naming them.
 */
export function addAlias({
  actor,
  entityId,
  alias,
}: {
  actor: StaffIdentity;
  entityId: number;
  alias: string;
}): EntityWriteResult<{ id: number; alias: string; warning: string | null; alsoNames: SharedAliasEntity[] }> {
  assertCan({ role: actor.role, action: 'entity.edit' });
  const db = getDb();
  loadEntity({ db, id: entityId });
  const cleanAlias = alias.trim().replace(/\s+/g, ' ');
  const normalized = normalizeAlias(cleanAlias);
  if (normalized === '') return refuse('Type the alias to add.');
  if (cleanAlias.length > MAX_ALIAS_LENGTH) return refuse(`Keep an alias under ${MAX_ALIAS_LENGTH} characters.`);
  const result = db.transaction((tx) => {
    const entity = loadEntity({ db: tx, id: entityId });
    if (normalizeAlias(entity.name) === normalized) return refuse(`“${cleanAlias}” is already this entity’s name.`);
    const existing = tx
      .select({ alias: entityAliases.alias })
      .from(entityAliases)
      .where(and(eq(entityAliases.entityId, entityId), eq(entityAliases.normalized, normalized)))
      .get();
    if (existing) return refuse(`This entity already has the alias “${existing.alias}”.`);
    const row = tx.insert(entityAliases).values({ entityId, alias: cleanAlias, normalized }).returning({ id: entityAliases.id }).get();
    tx.update(entities).set({ updatedAt: new Date() }).where(eq(entities.id, entityId)).run();
    reindexArticlesOfEntity(tx, entityId);
    recordAudit(tx, { actorId: actor.id, action: 'entity.alias.add', subjectType: 'entity', subjectId: entityId, note: cleanAlias });
    const alsoNames = entitiesAlsoNamed({ db: tx, normalized, exceptId: entityId });
    return { ok: true as const, id: row.id, alias: cleanAlias, warning: ambiguityWarning({ alias: cleanAlias, alsoNames }), alsoNames };
  });
  if (result.ok) invalidateKnownEntityIndex();
  return result;
}

function refuse(error: string): { ok: false; error: string; fieldErrors: Record<string, string> } {
  return { ok: false, error, fieldErrors: { alias: error } };
}

/** Names are not stored normalized, so they are compared here; a knowledge base is thousands of rows, not millions. */
function entitiesAlsoNamed({ db, normalized, exceptId }: { db: Pick<Db, 'select'>; normalized: string; exceptId: number }): SharedAliasEntity[] {
  const byAlias = db
    .select({ id: entities.id, kind: entities.kind, name: entities.name })
    .from(entityAliases)
    .innerJoin(entities, eq(entities.id, entityAliases.entityId))
    .where(and(eq(entityAliases.normalized, normalized), ne(entityAliases.entityId, exceptId)))
    .all();
  const byName = db
    .select({ id: entities.id, kind: entities.kind, name: entities.name })
    .from(entities)
    .where(ne(entities.id, exceptId))
    .all()
    .filter((entity) => normalizeAlias(entity.name) === normalized);
  const unique = new Map([...byName, ...byAlias].map((entity) => [entity.id, entity]));
  return [...unique.values()].sort((left, right) => left.name.localeCompare(right.name));
}

function ambiguityWarning({ alias, alsoNames }: { alias: string; alsoNames: SharedAliasEntity[] }): string | null {
  if (alsoNames.length === 0) return null;
  const others = alsoNames.map((entity) => `${entity.name} (${ENTITY_KIND_LABELS[entity.kind].one.toLowerCase()})`).join(', ');
  return `“${alias}” also names ${others}; suggestions for it will be ambiguous.`;
}
