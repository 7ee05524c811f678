import 'server-only';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { institutions, memberships, membershipTiers } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import type { AccessWriteResult } from '../access-write-result';

/** Deletes a tier nobody holds or held; one with memberships (of any status) can only be deactivated, so their history stays true. */
export function deleteTier({ actor, id }: { actor: StaffIdentity; id: number }): AccessWriteResult<{ name: string }> {
  assertCan({ role: actor.role, action: 'member.manage' });
  return getDb().transaction(
    (tx): AccessWriteResult<{ name: string }> => {
      const tier = tx.select({ name: membershipTiers.name }).from(membershipTiers).where(eq(membershipTiers.id, id)).get();
      if (!tier) return { ok: false, error: 'That tier no longer exists; reload the page.' };
      const held = tx.select({ value: count() }).from(memberships).where(eq(memberships.tierId, id)).get()?.value ?? 0;
      if (held > 0) {
        return { ok: false, error: `${tier.name} cannot be deleted: ${held} ${held === 1 ? 'membership uses' : 'memberships use'} it. Deactivate it instead; nobody can join it then, and its members keep their access until their memberships end.` };
      }
      const users = tx.select({ name: institutions.name }).from(institutions).where(eq(institutions.tierId, id)).all();
      if (users.length > 0) return { ok: false, error: `${tier.name} cannot be deleted: ${users.map((row) => row.name).join(', ')} ${users.length === 1 ? 'reads' : 'read'} through it. Give ${users.length === 1 ? 'that institution' : 'those institutions'} another tier first, or deactivate this one.` };
      tx.delete(membershipTiers).where(eq(membershipTiers.id, id)).run();
      recordAudit(tx, { actorId: actor.id, action: 'tier.delete', subjectType: 'tier', subjectId: id, note: tier.name });
      return { ok: true, name: tier.name };
    },
    { behavior: 'immediate' },
  );
}
