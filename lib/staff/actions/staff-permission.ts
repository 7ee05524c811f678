import type { StaffRole } from '@/db/schema';
import { can, POLICY, type Action } from '@/lib/staff/auth/policy';

/** What a staff call needs: a policy action (its role rule), or just a signed-in staff member. */
export type StaffPermission = Action | 'signed-in';

/** Who may call, in the words of the authorization matrix: `own` leaves the per-record rule to the domain. */
export type StaffAccess = 'staff' | 'own' | 'editor' | 'admin';

export function accessOf(permission: StaffPermission): StaffAccess {
  if (permission === 'signed-in') return 'staff';
  const rule = POLICY[permission];
  if (rule.author === 'any') return 'staff';
  if (rule.author === 'own') return 'own';
  return rule.editor === 'any' ? 'editor' : 'admin';
}

/** The role check made before any input is read; scope `own` passes here and is checked on the record. */
export function mayAttempt(role: StaffRole, permission: StaffPermission): boolean {
  if (permission === 'signed-in') return true;
  return can({ role, action: permission, isOwn: true });
}
