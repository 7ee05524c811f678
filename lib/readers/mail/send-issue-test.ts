import 'server-only';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { enqueueMail } from './enqueue-mail';
import { issueEmailPreview } from './issue-email-preview';

const TEST_WINDOW_MS = 30_000;

export type IssueTestResult = { ok: true; to: string; isRepeat: boolean };

/**
 * Sends the issue email to the editor asking, through the outbox like all mail. Repeated clicks within
 * thirty seconds send one message.
 */
export function sendIssueTest({ actor, issueId, now = new Date() }: { actor: StaffIdentity; issueId: number; now?: Date }): IssueTestResult {
  assertCan({ role: actor.role, action: 'issue.manage' });
  const preview = issueEmailPreview({ actor, issueId });
  const dedupeKey = `test:issue:${issueId}:user:${actor.id}:${Math.floor(now.getTime() / TEST_WINDOW_MS)}`;
  const isNew = getDb().transaction((tx) => {
    const campaign = tx.insert(campaigns).values({ kind: 'test', issueId, dedupeKey, status: 'sending', createdBy: actor.id, startedAt: now, recipientCount: 1 }).onConflictDoNothing().returning({ id: campaigns.id }).get();
    if (!campaign) return false;
    return enqueueMail(
      {
        dedupeKey: `${dedupeKey}:to:${actor.id}`,
        kind: 'campaign.test',
        to: actor.email,
        subject: `[Test] ${preview.subject}`,
        text: preview.text,
        html: preview.html,
        headers: preview.headers,
        campaignId: campaign.id,
      },
      tx,
    );
  });
  return { ok: true, to: actor.email, isRepeat: !isNew };
}
