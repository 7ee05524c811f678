import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, contributors, publishedArticleAuthors } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCanReviewContributors } from './can-review-contributors';
import { loadGuestContributor } from './load-guest-contributor';
import type { UserWriteResult } from './user-write-result';

const SAME_CONTRIBUTOR = 'Choose another contributor to merge into.';

/**
 * Folds a guest into another contributor: every working and published byline moves over (an article
 * that names both keeps one), then the guest is removed. Editors and admins.
 */
export function mergeGuestContributor({
  actor,
  sourceId,
  targetId,
}: {
  actor: StaffIdentity;
  sourceId: number;
  targetId: number;
}): UserWriteResult<{ targetName: string; movedArticleCount: number }> {
  assertCanReviewContributors(actor.role);
  if (sourceId === targetId) return { ok: false, error: SAME_CONTRIBUTOR, fieldErrors: { targetId: SAME_CONTRIBUTOR } };
  return getDb().transaction((tx): UserWriteResult<{ targetName: string; movedArticleCount: number }> => {
    const source = loadGuestContributor(tx, sourceId);
    const target = Number.isInteger(targetId) ? tx.select({ name: contributors.name }).from(contributors).where(eq(contributors.id, targetId)).get() : undefined;
    if (!target) return { ok: false, error: 'That contributor no longer exists; reload the page.', fieldErrors: { targetId: 'Choose a contributor from the list.' } };
    const moved = new Set<number>();
    for (const table of [articleAuthors, publishedArticleAuthors]) {
      const rows = tx.select({ articleId: table.articleId }).from(table).where(eq(table.contributorId, sourceId)).all();
      for (const { articleId } of rows) {
        moved.add(articleId);
        const bySource = and(eq(table.articleId, articleId), eq(table.contributorId, sourceId));
        const hasTarget = tx.select({ articleId: table.articleId }).from(table).where(and(eq(table.articleId, articleId), eq(table.contributorId, targetId))).get();
        if (hasTarget) tx.delete(table).where(bySource).run();
        else tx.update(table).set({ contributorId: targetId }).where(bySource).run();
      }
    }
    tx.delete(contributors).where(eq(contributors.id, sourceId)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: 'contributor.merge',
      subjectType: 'contributor',
      subjectId: targetId,
      note: `${source.name} → ${target.name}`,
      data: { mergedId: sourceId, mergedName: source.name, articleIds: [...moved] },
    });
    return { ok: true, targetName: target.name, movedArticleCount: moved.size };
  });
}
