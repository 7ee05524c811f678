import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { issues } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import type { IssueWriteResult } from './issue-write-result';
import { prepareIssueValues } from './prepare-issue-values';

const TRACKED_FIELDS = ['slug', 'title', 'volume', 'number', 'coverDate', 'plannedPublicationDate', 'coverMediaId', 'editorsNote', 'status', 'defaultAccess', 'archiveFreeAfterMonths'] as const;

/**
 * Changes an issue's details. A published issue stays published: only publishing moves an issue
 * there, and nothing here takes it back.
 */
export function updateIssue({ actor, id, input }: { actor: StaffIdentity; id: number; input: unknown }): IssueWriteResult<{ slug: string; isPublished: boolean }> {
  assertCan({ role: actor.role, action: 'issue.manage' });
  return getDb().transaction(
    (tx): IssueWriteResult<{ slug: string; isPublished: boolean }> => {
      const current = tx.select().from(issues).where(eq(issues.id, id)).get();
      if (!current) throw new NotFoundError('That issue does not exist, or it has been deleted.');
      const prepared = prepareIssueValues(tx, { input, issueId: id });
      if (!prepared.ok) return prepared;
      const isPublished = current.status === 'published';
      const { status, ...values } = prepared.values;
      const next = { ...values, status: isPublished ? current.status : (status ?? current.status) };
      tx.update(issues).set({ ...next, updatedAt: new Date() }).where(eq(issues.id, id)).run();
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of TRACKED_FIELDS) {
        if (current[field] !== next[field]) changed[field] = { from: current[field], to: next[field] };
      }
      recordAudit(tx, { actorId: actor.id, action: 'issue.update', subjectType: 'issue', subjectId: id, note: next.title, data: changed });
      return { ok: true, slug: next.slug, isPublished };
    },
    { behavior: 'immediate' },
  );
}
