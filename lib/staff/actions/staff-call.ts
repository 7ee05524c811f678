import 'server-only';
import { getDb } from '@/db/client';
import { recordAudit, type AuditInput } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { mayAttempt, type StaffPermission } from './staff-permission';

/**
 * How a staff call is audited, said once per call:
 * - `read-only`: it changes nothing worth a line in the log (reads, presence, dismissals);
 * - `in-domain`: the domain function records who did it and when, in the same transaction as the change
 *   (an audit entry, or a record that names its author: a revision, a note);
 * - a function: the entry to append after the call succeeded (null when nothing changed).
 */
export type AuditRule<Input, Result> = 'read-only' | 'in-domain' | ((done: { staff: StaffIdentity; input: Input; result: Result }) => AuditInput | null);

/** What every staff server action and staff route handler declares besides its own handler. */
export type StaffCallRules = {
  /** A stable name for logs: `<domain>.<verb>`, e.g. `section.create`. */
  name: string;
  /** Who may attempt it at all; scope `own` is decided on the record by the domain. */
  permission: StaffPermission;
  /** Sentences for this call's refusals where the usual ones would say less. */
  refusals?: { signedOut?: string; forbidden?: string };
};

export const NO_PERMISSION = 'You do not have permission to do that.';

/** Whether the caller's role may attempt the call; a refusal is logged with who tried what. */
export function isAllowed(staff: StaffIdentity, rules: StaffCallRules): boolean {
  if (mayAttempt(staff.role, rules.permission)) return true;
  console.warn(`Refused ${rules.name} to staff member ${staff.id} (${staff.role}).`);
  return false;
}

export function audit<Input, Result>(rule: AuditRule<Input, Result>, done: { staff: StaffIdentity; input: Input; result: Result }): void {
  if (typeof rule !== 'function') return;
  const entry = rule(done);
  if (entry) recordAudit(getDb(), entry);
}
