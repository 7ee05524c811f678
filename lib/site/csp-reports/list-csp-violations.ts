import 'server-only';
import { desc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cspViolations, type CspViolation } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can, ForbiddenError } from '@/lib/staff/auth/policy';

export type CspViolationView = Omit<CspViolation, 'fingerprint'>;

export const CSP_VIOLATIONS_REFUSAL = 'Only an administrator can see the browsers’ security reports.';

/** The most recently seen violations, for administrators: reports name pages and scripts staff use. */
export function listCspViolations({ actor, limit = 100 }: { actor: Pick<StaffIdentity, 'role'>; limit?: number }): CspViolationView[] {
  if (!can({ role: actor.role, action: 'settings.manage' })) throw new ForbiddenError(CSP_VIOLATIONS_REFUSAL);
  return getDb()
    .select()
    .from(cspViolations)
    .orderBy(desc(cspViolations.lastSeenAt), desc(cspViolations.id))
    .limit(limit)
    .all()
    .map(({ fingerprint: _fingerprint, ...violation }) => violation);
}
