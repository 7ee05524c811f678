import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import type { SectionWriteResult } from './section-write-result';

/**
 * Moves a section one place up or down in the order every table of contents follows. Positions are
 * renumbered 0…n-1 in the same transaction, so gaps and ties left by older data disappear.
 */
export function moveSection({ actor, id, direction }: { actor: StaffIdentity; id: number; direction: 'up' | 'down' }): SectionWriteResult<{ position: number; total: number; name: string }> {
  assertCan({ role: actor.role, action: 'section.manage' });
  return getDb().transaction(
    (tx): SectionWriteResult<{ position: number; total: number; name: string }> => {
      const ordered = tx.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name), asc(sections.id)).all();
      const index = ordered.findIndex((section) => section.id === id);
      if (index === -1) throw new NotFoundError('That section does not exist, or it has been deleted.');
      const target = direction === 'up' ? index - 1 : index + 1;
      const moving = ordered[index]!;
      if (target < 0 || target >= ordered.length) {
        return { ok: false, error: `${moving.name} is already ${direction === 'up' ? 'first' : 'last'}.` };
      }
      ordered.splice(index, 1);
      ordered.splice(target, 0, moving);
      ordered.forEach((section, position) => tx.update(sections).set({ position }).where(eq(sections.id, section.id)).run());
      recordAudit(tx, { actorId: actor.id, action: 'section.move', subjectType: 'section', subjectId: id, note: moving.name, data: { from: index, to: target } });
      return { ok: true, position: target + 1, total: ordered.length, name: moving.name };
    },
    { behavior: 'immediate' },
  );
}
