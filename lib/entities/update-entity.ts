import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, entityRedirects, type Entity } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { reindexArticlesOfEntity } from '@/lib/site/search/reindex-articles-of-entity';
import { parseEntityInput, type EntityInput } from './entity-input-schema';
import { ENTITY_KIND_LABELS } from './entity-path';
import type { EntityWriteResult } from './entity-write-result';
import { findEntitySlugConflict } from './find-entity-slug-conflict';
import { invalidateKnownEntityIndex } from './known-entity-index';
import { loadEntity } from './load-entity';

/**
 * Saves an entity's name, slug, description, facts and Wikidata id. Its kind is fixed: mentions
 * in articles carry it, and its address would move to another section. A new slug leaves the old
 * one as a redirect. Throws NotFound for a missing entity and Forbidden below editor.
 */
export function updateEntity({ actor, id, input }: { actor: StaffIdentity; id: number; input: unknown }): EntityWriteResult<{ slug: string }> {
  assertCan({ role: actor.role, action: 'entity.edit' });
  const db = getDb();
  loadEntity({ db, id });
  const parsed = parseEntityInput(input);
  if (!parsed.ok) return parsed;
  const next = parsed.data;
  const result = db.transaction((tx): EntityWriteResult<{ slug: string }> => {
    const current = loadEntity({ db: tx, id });
    if (next.kind !== current.kind) {
      const message = `This entity is a ${ENTITY_KIND_LABELS[current.kind].one.toLowerCase()}, and its kind cannot change; create a new entity instead.`;
      return { ok: false, error: message, fieldErrors: { kind: message } };
    }
    if (next.slug !== current.slug) {
      const slugConflict = findEntitySlugConflict({ db: tx, kind: current.kind, slug: next.slug, entityId: id });
      if (slugConflict) return { ok: false, error: slugConflict, fieldErrors: { slug: slugConflict } };
      // Taking back one of its own former slugs: that address is live again, no longer a redirect.
      tx.delete(entityRedirects).where(and(eq(entityRedirects.kind, current.kind), eq(entityRedirects.slug, next.slug))).run();
      tx.insert(entityRedirects)
        .values({ kind: current.kind, slug: current.slug, entityId: id })
        .onConflictDoUpdate({ target: [entityRedirects.kind, entityRedirects.slug], set: { entityId: id } })
        .run();
    }
    tx.update(entities)
      .set({ name: next.name, slug: next.slug, description: next.description, facts: next.facts, wikidataId: next.wikidataId, updatedAt: new Date() })
      .where(eq(entities.id, id))
      .run();
    if (next.name !== current.name) reindexArticlesOfEntity(tx, id);
    recordAudit(tx, {
      actorId: actor.id,
      action: 'entity.edit',
      subjectType: 'entity',
      subjectId: id,
      note: next.name,
      data: { changed: changedFields({ current, next }), ...(next.slug !== current.slug ? { previousSlug: current.slug } : {}) },
    });
    return { ok: true, slug: next.slug };
  });
  if (result.ok) invalidateKnownEntityIndex();
  return result;
}

function changedFields({ current, next }: { current: Entity; next: EntityInput }): string[] {
  const fields = (['name', 'slug', 'description', 'wikidataId'] as const).filter((field) => current[field] !== next[field]);
  return JSON.stringify(current.facts) === JSON.stringify(next.facts) ? fields : [...fields, 'facts'];
}
