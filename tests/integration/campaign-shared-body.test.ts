import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { campaigns, issues, mailBodies, outbox, subscribers } from '@/db/schema';
import { deleteReaderData } from '@/lib/readers/delete-reader-data';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { expandCampaigns } from '@/lib/readers/mail/expand-campaigns';
import { UNSUBSCRIBE_URL_SLOT } from '@/lib/readers/mail/issue-mail';
import { listOutbox } from '@/lib/readers/mail/list-outbox';
import { readUnsubscribeToken } from '@/lib/readers/unsubscribe-token';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestSubscriber } from '../factories/subscriber';
import { headerOf, withSmtpSink } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
const { sink } = withSmtpSink();

const editor = { id: 1, email: 'editor@example.org', name: 'Editor', role: 'editor' as const };

function queuedIssueCampaign(): { issueId: number; campaignId: number } {
  const section = createTestSection('Analysis');
  const issue = createTestIssue({ status: 'published' });
  getDb().update(issues).set({ title: 'May 2025' }).where(eq(issues.id, issue.id)).run();
  createTestArticle({ title: 'Verification after the treaty', sectionId: section, issueId: issue.id });
  createTestArticle({ title: 'Inside the inspections', sectionId: section, issueId: issue.id, access: 'members' });
  const campaignId = getDb().insert(campaigns).values({ kind: 'issue', issueId: issue.id, dedupeKey: `issue:${issue.id}` }).returning().get().id;
  return { issueId: issue.id, campaignId };
}

describe('an issue campaign with one shared body', () => {
  it('stores the rendered body once, and each reader gets it with their own name and unsubscribe link', async () => {
    const { campaignId } = queuedIssueCampaign();
    createTestSubscriber({ email: 'ana@example.org', name: 'Ana Lima' });
    createTestSubscriber({ email: 'ben@example.org', name: 'Ben' });
    createTestSubscriber({ email: 'cy@example.org' });
    createTestSubscriber({ email: 'off@example.org', name: 'Off', wantsIssueEmail: false });

    expect(expandCampaigns()).toBe(3);
    const bodies = getDb().select().from(mailBodies).all();
    expect(bodies).toHaveLength(1);
    const body = bodies[0]!;
    expect(body.campaignId).toBe(campaignId);
    expect(body.text).toContain(UNSUBSCRIBE_URL_SLOT);
    expect(body.html).toContain(UNSUBSCRIBE_URL_SLOT);
    expect(body.text).toMatch(/\* Inside the inspections[^]*?Members only/);
    // The outbox rows point at the body and carry no copy of it.
    const rows = getDb().select().from(outbox).where(eq(outbox.campaignId, campaignId)).all();
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.bodyId === body.id && row.text === '' && row.html === null && Object.keys(row.headers).length === 0)).toBe(true);
    expect(getDb().select({ bytes: sql<number>`sum(length(${outbox.text}) + coalesce(length(${outbox.html}), 0))` }).from(outbox).get()!.bytes).toBe(0);

    // Filled in at send time: a name changed after the campaign was queued is the one the reader sees.
    getDb().update(subscribers).set({ name: 'Benedict Okafor' }).where(eq(subscribers.email, 'ben@example.org')).run();
    await deliverOutbox();

    const readers = getDb().select().from(subscribers).where(eq(subscribers.wantsIssueEmail, true)).all();
    expect(sink().messages.map((message) => message.to[0]).sort()).toEqual(readers.map((reader) => reader.email).sort());
    for (const reader of readers) {
      const message = sink().messages.find((candidate) => candidate.to[0] === reader.email)!;
      const to = message.parsed.to && !Array.isArray(message.parsed.to) ? message.parsed.to.value[0]! : null;
      expect(to).toEqual({ address: reader.email, name: reader.name });
      expect(message.parsed.subject).toBe(body.subject);
      const unsubscribe = headerOf(message, 'List-Unsubscribe')!;
      const link = unsubscribe.match(/<([^>]+)>/)![1]!;
      expect(readUnsubscribeToken(new URL(link).searchParams.get('token')!)).toBe(reader.id);
      expect(headerOf(message, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(message.parsed.text?.trim()).toBe(body.text.replaceAll(UNSUBSCRIBE_URL_SLOT, link).trim());
      expect(String(message.parsed.html).trim()).toBe(body.html!.replaceAll(UNSUBSCRIBE_URL_SLOT, link).trim());
      expect(String(message.parsed.html)).toContain(`href="${link}"`);
    }
    expect(sink().messages.find((message) => message.to[0] === 'ben@example.org')!.raw.toString()).toContain('Benedict Okafor');
    expect(getDb().select({ status: outbox.status }).from(outbox).all().every((row) => row.status === 'sent')).toBe(true);
  });

  it('shows the desk each queued message as its reader gets it, the unsubscribe link hidden', () => {
    queuedIssueCampaign();
    createTestSubscriber({ email: 'ana@example.org', name: 'Ana Lima' });
    expandCampaigns();
    const [row] = listOutbox({ actor: editor }).messages;
    expect(row!.subject).toContain('May 2025');
    expect(row!.text).toContain('Verification after the treaty');
    expect(row!.text).not.toContain(UNSUBSCRIBE_URL_SLOT);
    expect(row!.html).toContain('Inside the inspections');
    expect(row!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(row!.headers['List-Unsubscribe']).toContain('[unsubscribe link hidden]');
  });

  it('erases the rows of a deleted reader and leaves the shared body to the others', async () => {
    queuedIssueCampaign();
    const gone = createTestSubscriber({ email: 'gone@example.org', name: 'Gone Reader' });
    createTestSubscriber({ email: 'stays@example.org', name: 'Stays' });
    expandCampaigns();
    expect(deleteReaderData({ subscriberId: gone.id })).toBe(true);
    expect(getDb().select({ to: outbox.toAddress }).from(outbox).all()).toEqual([{ to: 'stays@example.org' }]);
    expect(getDb().select().from(mailBodies).all()).toHaveLength(1);
    expect(JSON.stringify(getDb().select().from(mailBodies).all())).not.toMatch(/gone@example\.org|Gone Reader/);
    await deliverOutbox();
    expect(sink().messages.map((message) => message.to[0])).toEqual(['stays@example.org']);
  });

  it('stores one body per campaign however many batches the expansion takes', () => {
    const { campaignId } = queuedIssueCampaign();
    for (let index = 0; index < 7; index++) createTestSubscriber();
    expect(expandCampaigns({ batchSize: 3, budgetMs: 0 })).toBe(3);
    expect(expandCampaigns({ batchSize: 3 })).toBe(4);
    expect(getDb().select().from(mailBodies).where(eq(mailBodies.campaignId, campaignId)).all()).toHaveLength(1);
    expect(new Set(getDb().select({ bodyId: outbox.bodyId }).from(outbox).all().map((row) => row.bodyId)).size).toBe(1);
  });
});
