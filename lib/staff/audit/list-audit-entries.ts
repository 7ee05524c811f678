import 'server-only';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import type { AuditPage } from './audit-entry-view';
import { readAuditPage, type AuditFilters } from './read-audit-page';

/** The whole site's audit log, newest first, filtered and paged by id. Editors and admins ('audit.view'). */
export function listAuditEntries({ actor, ...filters }: AuditFilters & { actor: StaffIdentity }): AuditPage {
  assertCan({ role: actor.role, action: 'audit.view' });
  return readAuditPage(filters);
}
