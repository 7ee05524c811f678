import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { entities, entityRedirects, type EntityKind } from '@/db/schema';
import { entityPath, ENTITY_KIND_LABELS } from './entity-path';

/**
 * Why this entity may not take the slug, or null. A slug is unique within its kind, and one that
 * still redirects to another entity stays that entity's old address: links out there rely on it.
 */
export function findEntitySlugConflict({
  db,
  kind,
  slug,
  entityId = null,
}: {
  db: Pick<Db, 'select'>;
  kind: EntityKind;
  slug: string;
  /** The entity taking the slug; null for a new one. */
  entityId?: number | null;
}): string | null {
  const sameKind = eq(entities.kind, kind);
  const holder = db
    .select({ name: entities.name })
    .from(entities)
    .where(and(sameKind, eq(entities.slug, slug), entityId === null ? undefined : ne(entities.id, entityId)))
    .get();
  const kindLabel = ENTITY_KIND_LABELS[kind].one.toLowerCase();
  if (holder) return `Another ${kindLabel}, “${holder.name}”, already has the address ${entityPath({ kind, slug })}; choose another slug.`;
  const redirect = db
    .select({ entityId: entityRedirects.entityId, name: entities.name })
    .from(entityRedirects)
    .innerJoin(entities, eq(entities.id, entityRedirects.entityId))
    .where(and(eq(entityRedirects.kind, kind), eq(entityRedirects.slug, slug)))
    .get();
  if (redirect && redirect.entityId !== entityId) {
    return `${entityPath({ kind, slug })} is a former address that now leads to “${redirect.name}”; choose another slug.`;
  }
  return null;
}
