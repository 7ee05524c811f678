import 'server-only';
import { desc, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, issues, outbox, articles, type CampaignKind, type CampaignStatus } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';

export type CampaignProgress = {
  id: number;
  kind: CampaignKind;
  status: CampaignStatus;
  /** What it is about, in words: "Issue: April 2025", "Alert: Treaty at 50", "Daily digest 2025-04-02". */
  label: string;
  recipients: number;
  queued: number;
  sent: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
};

/** The newest campaigns with their outbox counts, for the desk's mail page ('mail.view'). */
export function listCampaignProgress({ actor, limit = 30 }: { actor: StaffIdentity; limit?: number }): CampaignProgress[] {
  assertCan({ role: actor.role, action: 'mail.view' });
  const db = getDb();
  const rows = db
    .select({
      id: campaigns.id,
      kind: campaigns.kind,
      status: campaigns.status,
      dedupeKey: campaigns.dedupeKey,
      recipients: campaigns.recipientCount,
      createdAt: campaigns.createdAt,
      finishedAt: campaigns.finishedAt,
      issueTitle: sql<string | null>`(select ${issues.title} from ${issues} where ${issues.id} = ${campaigns.issueId})`,
      articleTitle: sql<string | null>`(select ${articles.title} from ${articles} where ${articles.id} = ${campaigns.articleId})`,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.id))
    .limit(Math.min(Math.max(1, limit), 200))
    .all();
  const counts = rows.length
    ? db
        .select({ campaignId: outbox.campaignId, status: outbox.status, count: sql<number>`count(*)` })
        .from(outbox)
        .where(inArray(outbox.campaignId, rows.map((row) => row.id)))
        .groupBy(outbox.campaignId, outbox.status)
        .all()
    : [];
  const countOf = (campaignId: number, status: string) => counts.find((count) => count.campaignId === campaignId && count.status === status)?.count ?? 0;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    label: labelFor(row),
    recipients: row.recipients,
    queued: countOf(row.id, 'pending'),
    sent: countOf(row.id, 'sent'),
    failed: countOf(row.id, 'failed'),
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  }));
}

function labelFor(row: { kind: CampaignKind; dedupeKey: string; issueTitle: string | null; articleTitle: string | null }): string {
  if (row.kind === 'issue') return `Issue: ${row.issueTitle ?? 'a deleted issue'}`;
  if (row.kind === 'alert') return `Alert: ${row.articleTitle?.trim() || 'a deleted article'}`;
  if (row.kind === 'test') return `Test send: ${row.issueTitle ?? 'an issue'}`;
  const [, frequency, date] = row.dedupeKey.split(':');
  return `${frequency === 'weekly' ? 'Weekly digest, week of' : 'Daily digest,'} ${date ?? ''}`.trim();
}
