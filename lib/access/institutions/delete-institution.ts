import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { institutions } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import type { AccessWriteResult } from '../access-write-result';

/** Removes an institution with its ranges, domains and usage; its readers lose that access at once. */
export function deleteInstitution({ actor, id }: { actor: StaffIdentity; id: number }): AccessWriteResult<{ name: string }> {
  assertCan({ role: actor.role, action: 'member.manage' });
  return getDb().transaction((tx): AccessWriteResult<{ name: string }> => {
    const row = tx.delete(institutions).where(eq(institutions.id, id)).returning({ name: institutions.name }).get();
    if (!row) return { ok: false, error: 'That institution no longer exists; reload the page.' };
    recordAudit(tx, { actorId: actor.id, action: 'institution.delete', subjectType: 'institution', subjectId: id, note: row.name });
    return { ok: true, name: row.name };
  });
}
