import 'server-only';
import { getDb } from '@/db/client';
import { issues } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import type { IssueWriteResult } from './issue-write-result';
import { prepareIssueValues } from './prepare-issue-values';

/** Starts an issue in planning (or ready, if the form says so). Editors and admins. */
export function createIssue({ actor, input }: { actor: StaffIdentity; input: unknown }): IssueWriteResult<{ id: number; slug: string }> {
  assertCan({ role: actor.role, action: 'issue.manage' });
  return getDb().transaction(
    (tx): IssueWriteResult<{ id: number; slug: string }> => {
      const prepared = prepareIssueValues(tx, { input });
      if (!prepared.ok) return prepared;
      const { status = 'planning', ...values } = prepared.values;
      const row = tx.insert(issues).values({ ...values, status }).returning({ id: issues.id }).get();
      recordAudit(tx, { actorId: actor.id, action: 'issue.create', subjectType: 'issue', subjectId: row.id, note: values.title, data: { slug: values.slug } });
      return { ok: true, id: row.id, slug: values.slug };
    },
    { behavior: 'immediate' },
  );
}
