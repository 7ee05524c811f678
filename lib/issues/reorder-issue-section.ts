import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import type { IssueWriteResult } from './issue-write-result';
import { loadIssue } from './load-issue';

export const reorderInputSchema = z.object({
  sectionId: z.number().int().positive().nullable(),
  articleIds: z.array(z.number().int().positive()).min(1, 'Nothing to reorder.').max(500, 'Too many articles in one section.'),
});

export const STALE_ORDER_MESSAGE = 'The issue changed since this page was loaded (an article was added, removed or moved); reload it and reorder again.';

/**
 * Sets the order of one section's articles in the issue. The list must name exactly the articles
 * the section holds now, so an order made from a stale page is refused rather than half applied.
 */
export function reorderIssueSection({ actor, issueId, input }: { actor: StaffIdentity; issueId: number; input: unknown }): IssueWriteResult<{ articleIds: number[] }> {
  assertCan({ role: actor.role, action: 'issue.manage' });
  const parsed = reorderInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'That order was not understood; reload the page and try again.' };
  const { sectionId, articleIds } = parsed.data;
  return getDb().transaction(
    (tx): IssueWriteResult<{ articleIds: number[] }> => {
      loadIssue(tx, issueId);
      const inSection = sectionId === null ? isNull(articles.sectionId) : eq(articles.sectionId, sectionId);
      const current = tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.issueId, issueId), inSection))
        .orderBy(asc(articles.issuePosition), asc(articles.id))
        .all()
        .map((row) => row.id);
      const isSameSet = new Set(articleIds).size === articleIds.length && current.length === articleIds.length && articleIds.every((id) => current.includes(id));
      if (!isSameSet) return { ok: false, error: STALE_ORDER_MESSAGE };
      articleIds.forEach((id, position) => tx.update(articles).set({ issuePosition: position }).where(eq(articles.id, id)).run());
      recordAudit(tx, { actorId: actor.id, action: 'issue.reorder', subjectType: 'issue', subjectId: issueId, data: { sectionId, from: current, to: articleIds } });
      return { ok: true, articleIds };
    },
    { behavior: 'immediate' },
  );
}
