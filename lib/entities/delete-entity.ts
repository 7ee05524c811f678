import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { findEntityReferences } from './find-entity-references';
import { invalidateKnownEntityIndex } from './known-entity-index';
import { loadEntity } from './load-entity';

export type DeleteEntityResult = { ok: true; name: string } | { ok: false; error: string; canMerge: boolean };

/**
 * Deletes an entity nothing refers to. One that an article is tagged with or mentions (in its
 * working copy or its published text) is refused with a pointer to merging instead, which keeps
 * those articles' links alive. Throws NotFound for a missing entity, Forbidden below editor.
 */
export function deleteEntity({ actor, id }: { actor: StaffIdentity; id: number }): DeleteEntityResult {
  assertCan({ role: actor.role, action: 'entity.delete' });
  const result = getDb().transaction((tx): DeleteEntityResult => {
    const entity = loadEntity({ db: tx, id });
    const referringArticles = findEntityReferences({ db: tx, entityId: id }).articleIds.length;
    if (referringArticles > 0) return { ok: false, error: refusal(referringArticles), canMerge: true };
    tx.delete(entities).where(eq(entities.id, id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: 'entity.delete',
      subjectType: 'entity',
      subjectId: id,
      note: entity.name,
      data: { kind: entity.kind, slug: entity.slug },
    });
    return { ok: true, name: entity.name };
  });
  if (result.ok) invalidateKnownEntityIndex();
  return result;
}

function refusal(articleCount: number): string {
  return articleCount === 1
    ? '1 article mentions it; merge it into another entity instead.'
    : `${articleCount} articles mention it; merge it into another entity instead.`;
}
