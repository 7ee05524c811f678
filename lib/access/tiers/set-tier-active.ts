import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { membershipTiers } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import type { AccessWriteResult } from '../access-write-result';

/** Takes a tier off (or back on) the join page; its memberships keep their access either way. */
export function setTierActive({ actor, id, isActive }: { actor: StaffIdentity; id: number; isActive: boolean }): AccessWriteResult<{ name: string }> {
  assertCan({ role: actor.role, action: 'member.manage' });
  return getDb().transaction((tx): AccessWriteResult<{ name: string }> => {
    const row = tx.update(membershipTiers).set({ isActive, updatedAt: new Date() }).where(eq(membershipTiers.id, id)).returning({ name: membershipTiers.name }).get();
    if (!row) return { ok: false, error: 'That tier no longer exists; reload the page.' };
    recordAudit(tx, { actorId: actor.id, action: isActive ? 'tier.activate' : 'tier.deactivate', subjectType: 'tier', subjectId: id, note: row.name });
    return { ok: true, name: row.name };
  });
}
