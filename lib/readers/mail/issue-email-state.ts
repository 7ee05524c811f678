import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, issues, outbox, subscribers, type IssueStatus } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';

export type IssueEmailState = {
  issueId: number;
  issueStatus: IssueStatus;
  isEmailWanted: boolean;
  /** Confirmed, unpaused subscribers who want the issue email now. */
  audience: number;
  campaign: { status: string; recipients: number; queued: number; sent: number; failed: number } | null;
};

/** Where an issue's email stands, for the issue planner's panel ('mail.view'). */
export function issueEmailState({ actor, issueId }: { actor: StaffIdentity; issueId: number }): IssueEmailState | null {
  assertCan({ role: actor.role, action: 'mail.view' });
  const db = getDb();
  const issue = db.select({ status: issues.status, isEmailWanted: issues.isEmailWanted }).from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) return null;
  const audience =
    db
      .select({ count: sql<number>`count(*)` })
      .from(subscribers)
      .where(and(eq(subscribers.status, 'confirmed'), eq(subscribers.isPaused, false), eq(subscribers.wantsIssueEmail, true)))
      .get()?.count ?? 0;
  const campaign = db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.issueId, issueId), eq(campaigns.kind, 'issue')))
    .orderBy(desc(campaigns.id))
    .get();
  if (!campaign) return { issueId, issueStatus: issue.status, isEmailWanted: issue.isEmailWanted, audience, campaign: null };
  const counts = db.select({ status: outbox.status, count: sql<number>`count(*)` }).from(outbox).where(eq(outbox.campaignId, campaign.id)).groupBy(outbox.status).all();
  const countOf = (status: string) => counts.find((count) => count.status === status)?.count ?? 0;
  return {
    issueId,
    issueStatus: issue.status,
    isEmailWanted: issue.isEmailWanted,
    audience,
    campaign: { status: campaign.status, recipients: campaign.recipientCount, queued: countOf('pending'), sent: countOf('sent'), failed: countOf('failed') },
  };
}
