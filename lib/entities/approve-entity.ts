import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, type StaffRole } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can, ForbiddenError } from '@/lib/staff/auth/policy';
import { findEntityReferences } from './find-entity-references';
import { loadEntity } from './load-entity';

export type ApproveEntityResult = { ok: true; name: string; articleIds: number[] };

/** Editors curate the knowledge base, so what they add is public at once and what authors add waits for them. */
export function canApproveEntities(role: StaffRole): boolean {
  return can({ role, action: 'entity.edit' });
}

/**
 * Makes a pending entity public: its page, feed and the links to it from published articles.
 * `articleIds` are the published articles tagged with it, whose pages change. Approving twice is harmless.
 */
export function approveEntity({ actor, id }: { actor: StaffIdentity; id: number }): ApproveEntityResult {
  if (!canApproveEntities(actor.role)) throw new ForbiddenError('Only an editor can approve a new entity.');
  return getDb().transaction((tx): ApproveEntityResult => {
    const entity = loadEntity({ db: tx, id });
    const articleIds = findEntityReferences({ db: tx, entityId: id }).publishedTaggedArticleIds;
    if (entity.status === 'approved') return { ok: true, name: entity.name, articleIds };
    tx.update(entities).set({ status: 'approved', updatedAt: new Date() }).where(eq(entities.id, id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: 'entity.approve',
      subjectType: 'entity',
      subjectId: id,
      note: entity.name,
      data: { kind: entity.kind, slug: entity.slug },
    });
    return { ok: true, name: entity.name, articleIds };
  });
}
