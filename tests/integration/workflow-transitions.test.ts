import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { ARTICLE_STATUSES, auditLog, type ArticleStatus } from '@/db/schema';
import { transitionArticle } from '@/lib/articles/transition-article';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '@/lib/articles/workflow';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { instantToWallTime } from '@/lib/platform/time/zoned-time';
import { createReadyArticle, readStatus } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

/**
 * What the workflow must allow, written out here independently of lib/articles/workflow.ts:
 * from which states each move starts, where it ends, and whether an author may make it on their own article.
 */
const EXPECTED: Record<WorkflowAction, { from: ArticleStatus[]; to: ArticleStatus; isForOwnAuthor: boolean }> = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review', isForOwnAuthor: true },
  withdraw: { from: ['in_review'], to: 'draft', isForOwnAuthor: true },
  request_changes: { from: ['in_review', 'approved'], to: 'changes_requested', isForOwnAuthor: false },
  approve: { from: ['in_review'], to: 'approved', isForOwnAuthor: false },
  schedule: { from: ['approved'], to: 'scheduled', isForOwnAuthor: false },
  unschedule: { from: ['scheduled'], to: 'approved', isForOwnAuthor: false },
  publish: { from: ['approved', 'scheduled', 'unpublished'], to: 'published', isForOwnAuthor: false },
  update: { from: ['published'], to: 'published', isForOwnAuthor: false },
  unpublish: { from: ['published'], to: 'unpublished', isForOwnAuthor: false },
};

type Outcome = 'moved' | 'refused' | 'forbidden' | 'not_found';

function auditCount(): number {
  return getDb().select({ value: count() }).from(auditLog).get()!.value;
}

describe.each(WORKFLOW_ACTIONS)('the %s move', (action) => {
  it('is allowed exactly for the right role, ownership and state; every refusal changes nothing', async () => {
    const author = await createTestStaff({ role: 'author' });
    const otherAuthor = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const admin = await createTestStaff({ role: 'admin' });
    const actors = { 'own author': author, 'other author': otherAuthor, editor, admin };
    const input = { action, note: 'Tighten the second paragraph.', scheduledFor: instantToWallTime({ instant: new Date(Date.now() + 3_600_000), timeZone: 'UTC' }) };
    const expected = EXPECTED[action];

    for (const status of ARTICLE_STATUSES) {
      for (const [who, actor] of Object.entries(actors)) {
        const article = createReadyArticle({ owner: author, status });
        const isStateRight = expected.from.includes(status);
        const wanted: Outcome =
          who === 'other author'
            ? 'not_found'
            : who === 'own author' && !expected.isForOwnAuthor
              ? isStateRight
                ? 'forbidden'
                : 'refused'
              : isStateRight
                ? 'moved'
                : 'refused';
        const auditBefore = auditCount();
        let outcome: Outcome;
        try {
          outcome = transitionArticle({ id: article.id, actor, input }).ok ? 'moved' : 'refused';
        } catch (error) {
          if (error instanceof ForbiddenError) outcome = 'forbidden';
          else if (error instanceof NotFoundError) outcome = 'not_found';
          else throw error;
        }
        const label = `${action} by ${who} from ${status}`;
        expect(outcome, label).toBe(wanted);
        expect(readStatus(article.id), label).toBe(outcome === 'moved' ? expected.to : status);
        expect(auditCount() - auditBefore, `${label}: audit entries`).toBe(outcome === 'moved' ? 1 : 0);
      }
    }
  });
});
