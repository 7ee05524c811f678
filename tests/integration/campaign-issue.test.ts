import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, campaigns, issues, outbox, revisions } from '@/db/schema';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { expandCampaigns } from '@/lib/readers/mail/expand-campaigns';
import { finishCampaigns } from '@/lib/readers/mail/finish-campaigns';
import { readUnsubscribeToken } from '@/lib/readers/unsubscribe-token';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestSubscriber } from '../factories/subscriber';
import { headerOf, withSmtpSink } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
const { sink } = withSmtpSink();

function publishedIssueWithContents() {
  const news = createTestSection('News');
  const features = createTestSection('Features');
  const issue = createTestIssue({ status: 'published' });
  getDb().update(issues).set({ title: 'April 2025', editorsNote: 'A month of treaty anniversaries.\n\nAnd one withdrawal.' }).where(eq(issues.id, issue.id)).run();
  const lead = createTestArticle({ title: 'The treaty at fifty', sectionId: features, issueId: issue.id });
  const brief = createTestArticle({ title: 'Inspectors return', sectionId: news, issueId: issue.id });
  const draft = createTestArticle({ title: 'Not ready yet', sectionId: news, issueId: issue.id, status: 'draft' });
  for (const [id, dek] of [
    [lead.id, 'Why the oldest arms-control treaty still matters.'],
    [brief.id, 'The agency is back after two years.'],
  ] as const) {
    const revisionId = getDb().select({ id: articles.publishedRevisionId }).from(articles).where(eq(articles.id, id)).get()!.id!;
    getDb().update(revisions).set({ dek }).where(eq(revisions.id, revisionId)).run();
  }
  return { issue, lead, brief, draft };
}

function queueIssueCampaign(issueId: number): number {
  return getDb().insert(campaigns).values({ kind: 'issue', issueId, dedupeKey: `issue:${issueId}` }).returning().get().id;
}

describe('the issue email', () => {
  it('goes once to each confirmed subscriber who wants it, with the table of contents by section in HTML and text', async () => {
    const { issue, lead } = publishedIssueWithContents();
    const ana = createTestSubscriber({ email: 'ana@example.org' });
    const ben = createTestSubscriber({ email: 'ben@example.org' });
    createTestSubscriber({ email: 'no-issue@example.org', wantsIssueEmail: false });
    createTestSubscriber({ email: 'pending@example.org', status: 'pending' });
    createTestSubscriber({ email: 'paused@example.org', isPaused: true });
    createTestSubscriber({ email: 'gone@example.org', status: 'unsubscribed' });
    const campaignId = queueIssueCampaign(issue.id);

    expect(expandCampaigns()).toBe(2);
    expect(expandCampaigns()).toBe(0);
    await deliverOutbox();
    expect(finishCampaigns()).toBe(1);

    expect([...sink().countByRecipient()].sort()).toEqual([
      ['ana@example.org', 1],
      ['ben@example.org', 1],
    ]);
    const message = sink().messages.find((candidate) => candidate.to[0] === 'ana@example.org')!;
    expect(message.parsed.subject).toBe('April 2025: the new issue of Masthead (Vol. 1, No. ' + getDb().select().from(issues).where(eq(issues.id, issue.id)).get()!.number + ')');
    const text = message.parsed.text ?? '';
    expect(text).toContain('FROM THE EDITOR\n\nA month of treaty anniversaries.');
    expect(text.indexOf('FEATURES')).toBeGreaterThan(-1);
    expect(text).toContain(`* The treaty at fifty\n  Why the oldest arms-control treaty still matters.\n  http://localhost:3000/articles/${lead.slug}`);
    expect(text).not.toContain('Not ready yet');
    const html = String(message.parsed.html);
    expect(html).toContain('<h2 style="font-size:18px;margin:24px 0 8px;">From the editor</h2>');
    expect(html).toContain(`<a href="http://localhost:3000/articles/${lead.slug}"`);
    expect(html).toContain('The agency is back after two years.');

    const unsubscribe = headerOf(message, 'List-Unsubscribe')!;
    const token = decodeURIComponent(unsubscribe.match(/token=([^>]+)>/)![1]!);
    expect(readUnsubscribeToken(token)).toBe(ana.id);
    expect(html).toContain(`/api/unsubscribe?token=${token}`);
    expect(text).toContain(`/api/unsubscribe?token=${token}`);
    expect(headerOf(message, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(sink().messages.find((candidate) => candidate.to[0] === 'ben@example.org')!.parsed.text).toContain(`token=${ben.id}.`);

    const campaign = getDb().select().from(campaigns).where(eq(campaigns.id, campaignId)).get()!;
    expect(campaign).toMatchObject({ status: 'done', recipientCount: 2 });
    expect(getDb().select({ key: outbox.dedupeKey }).from(outbox).all().map((row) => row.key).sort()).toEqual([`issue:${issue.id}:subscriber:${ana.id}`, `issue:${issue.id}:subscriber:${ben.id}`]);
  });

  it('expands in batches that resume where the last one stopped, never writing a reader twice', () => {
    const { issue } = publishedIssueWithContents();
    for (let index = 0; index < 7; index++) createTestSubscriber();
    const campaignId = queueIssueCampaign(issue.id);
    expect(expandCampaigns({ batchSize: 3, budgetMs: 0 })).toBe(3);
    expect(getDb().select().from(campaigns).where(eq(campaigns.id, campaignId)).get()!.status).toBe('expanding');
    // A crash after the batch's commit and a rerun from the start of the campaign write nothing new.
    getDb().update(campaigns).set({ expandedThroughSubscriberId: 0 }).where(eq(campaigns.id, campaignId)).run();
    expect(expandCampaigns({ batchSize: 3, budgetMs: 0 })).toBe(0);
    expect(expandCampaigns({ batchSize: 3 })).toBe(4);
    expect(getDb().select().from(outbox).all()).toHaveLength(7);
    expect(getDb().select().from(campaigns).where(eq(campaigns.id, campaignId)).get()!.status).toBe('sending');
  });

  it('is cancelled, sending nothing, when the issue was published without email', () => {
    const { issue } = publishedIssueWithContents();
    getDb().update(issues).set({ isEmailWanted: false }).where(eq(issues.id, issue.id)).run();
    createTestSubscriber();
    const campaignId = queueIssueCampaign(issue.id);
    expect(expandCampaigns()).toBe(0);
    expect(getDb().select().from(campaigns).where(eq(campaigns.id, campaignId)).get()!.status).toBe('cancelled');
    expect(getDb().select().from(outbox).all()).toEqual([]);
  });
});
