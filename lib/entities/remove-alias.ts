import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, entityAliases } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { reindexArticlesOfEntity } from '@/lib/site/search/reindex-articles-of-entity';
import type { EntityWriteResult } from './entity-write-result';
import { invalidateKnownEntityIndex } from './known-entity-index';
import { loadEntity } from './load-entity';

/** Removes one of the entity's aliases; removing one already gone succeeds with `alias: null`, so a retry is harmless. */
export function removeAlias({
  actor,
  entityId,
  aliasId,
}: {
  actor: StaffIdentity;
  entityId: number;
  aliasId: number;
}): EntityWriteResult<{ alias: string | null }> {
  assertCan({ role: actor.role, action: 'entity.edit' });
  const db = getDb();
  loadEntity({ db, id: entityId });
  const removed = db.transaction((tx) => {
    const row = tx
      .delete(entityAliases)
      .where(and(eq(entityAliases.id, aliasId), eq(entityAliases.entityId, entityId)))
      .returning({ alias: entityAliases.alias })
      .get();
    if (!row) return null;
    tx.update(entities).set({ updatedAt: new Date() }).where(eq(entities.id, entityId)).run();
    reindexArticlesOfEntity(tx, entityId);
    recordAudit(tx, { actorId: actor.id, action: 'entity.alias.remove', subjectType: 'entity', subjectId: entityId, note: row.alias });
    return row.alias;
  });
  if (removed !== null) invalidateKnownEntityIndex();
  return { ok: true, alias: removed };
}
