import 'server-only';
import { getDb } from '@/db/client';
import { entities, type EntityStatus } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { canApproveEntities } from './approve-entity';
import { parseEntityInput } from './entity-input-schema';
import type { EntityWriteResult } from './entity-write-result';
import { findEntitySlugConflict } from './find-entity-slug-conflict';
import { invalidateKnownEntityIndex } from './known-entity-index';

/** Adds an entity to the knowledge base; any staff member may (authors accept suggested names), but an author's waits for an editor's approval. */
export function createEntity({ actor, input }: { actor: StaffIdentity; input: unknown }): EntityWriteResult<{ id: number; slug: string; status: EntityStatus }> {
  assertCan({ role: actor.role, action: 'entity.create' });
  const parsed = parseEntityInput(input);
  if (!parsed.ok) return parsed;
  const entity = parsed.data;
  const status: EntityStatus = canApproveEntities(actor.role) ? 'approved' : 'pending';
  const result = getDb().transaction((tx): EntityWriteResult<{ id: number; slug: string; status: EntityStatus }> => {
    const slugConflict = findEntitySlugConflict({ db: tx, kind: entity.kind, slug: entity.slug });
    if (slugConflict) return { ok: false, error: slugConflict, fieldErrors: { slug: slugConflict } };
    const now = new Date();
    const row = tx
      .insert(entities)
      .values({ ...entity, status, createdAt: now, updatedAt: now })
      .returning({ id: entities.id })
      .get();
    recordAudit(tx, {
      actorId: actor.id,
      action: 'entity.create',
      subjectType: 'entity',
      subjectId: row.id,
      note: entity.name,
      data: { kind: entity.kind, slug: entity.slug, status },
    });
    return { ok: true, id: row.id, slug: entity.slug, status };
  });
  if (result.ok) invalidateKnownEntityIndex();
  return result;
}
