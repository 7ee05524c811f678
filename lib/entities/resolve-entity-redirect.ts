import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, entityRedirects, type EntityKind } from '@/db/schema';
import { isApprovedEntity } from './is-approved-entity';

/**
 * Where an old entity address (a changed slug, or an entity merged into another) leads now, for
 * the public pages to answer with a 308; null when the address was never an entity's.
 */
export function resolveEntityRedirect({ kind, slug }: { kind: EntityKind; slug: string }): { kind: EntityKind; slug: string } | null {
  const current = getDb()
    .select({ kind: entities.kind, slug: entities.slug })
    .from(entityRedirects)
    .innerJoin(entities, and(eq(entities.id, entityRedirects.entityId), isApprovedEntity()))
    .where(and(eq(entityRedirects.kind, kind), eq(entityRedirects.slug, slug)))
    .get();
  return current ?? null;
}
