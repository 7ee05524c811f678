import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { entityAliases, type Entity } from '@/db/schema';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import { ENTITY_KIND_LABELS } from './entity-path';
import { findEntityReferences, type EntityReferences } from './find-entity-references';
import { loadEntity } from './load-entity';

export type EntityMergePlan =
  | {
      ok: true;
      source: Entity;
      target: Entity;
      references: EntityReferences;
      /** The source's aliases the target does not already answer to; the rest go with the source. */
      aliasesToMove: { id: number; alias: string }[];
      /** The source's name, kept as an alias of the target unless the target already answers to it. */
      nameToKeepAsAlias: string | null;
    }
  | { ok: false; error: string };

/**
 * What merging one entity into another would do, read inside the caller's transaction so a preview
 * and the merge itself agree. Entities of different kinds are not merged: every mention carries
 * its kind and every address its section, and a person folded into a country is a mistake to stop,
 * not to carry out. Throws NotFound when either entity does not exist.
 */
export function planEntityMerge({ db, sourceId, targetId }: { db: Pick<Db, 'select'>; sourceId: number; targetId: number }): EntityMergePlan {
  const source = loadEntity({ db, id: sourceId });
  const target = loadEntity({ db, id: targetId });
  if (source.id === target.id) return { ok: false, error: 'An entity cannot be merged into itself; choose another entity.' };
  if (source.kind !== target.kind) {
    const sourceKind = ENTITY_KIND_LABELS[source.kind].one.toLowerCase();
    const targetKind = ENTITY_KIND_LABELS[target.kind].one.toLowerCase();
    return {
      ok: false,
      error: `Only entities of the same kind can be merged: “${source.name}” is a ${sourceKind} and “${target.name}” a ${targetKind}.`,
    };
  }
  const aliasesOf = (entityId: number) =>
    db.select({ id: entityAliases.id, alias: entityAliases.alias, normalized: entityAliases.normalized }).from(entityAliases).where(eq(entityAliases.entityId, entityId)).all();
  const answersTo = new Set([normalizeAlias(target.name), ...aliasesOf(target.id).map((alias) => alias.normalized)]);
  const aliasesToMove = aliasesOf(source.id).filter((alias) => !answersTo.has(alias.normalized));
  aliasesToMove.forEach((alias) => answersTo.add(alias.normalized));
  return {
    ok: true,
    source,
    target,
    references: findEntityReferences({ db, entityId: source.id }),
    aliasesToMove: aliasesToMove.map(({ id, alias }) => ({ id, alias })),
    nameToKeepAsAlias: answersTo.has(normalizeAlias(source.name)) ? null : source.name,
  };
}
