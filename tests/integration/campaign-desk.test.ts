import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { campaigns, issues, subscribers } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { listCampaignProgress } from '@/lib/readers/mail/campaign-progress';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { expandCampaigns } from '@/lib/readers/mail/expand-campaigns';
import { issueEmailPreview } from '@/lib/readers/mail/issue-email-preview';
import { issueEmailState } from '@/lib/readers/mail/issue-email-state';
import { listOutbox } from '@/lib/readers/mail/list-outbox';
import { sendIssueTest } from '@/lib/readers/mail/send-issue-test';
import { subscriberCountsOverTime } from '@/lib/readers/subscriber-counts';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { createTestSubscriber } from '../factories/subscriber';
import { headerOf, withSmtpSink } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
const { sink } = withSmtpSink();

describe('the issue email in the desk', () => {
  it('previews an issue before publication with what is approved in it, and sends a test only to the editor asking', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const section = createTestSection('Analysis');
    const issue = createTestIssue({ status: 'planning' });
    getDb().update(issues).set({ title: 'May 2025' }).where(eq(issues.id, issue.id)).run();
    createTestArticle({ title: 'Approved piece', status: 'approved', sectionId: section, issueId: issue.id });
    createTestArticle({ title: 'Draft piece', status: 'draft', sectionId: section, issueId: issue.id });
    createTestSubscriber({ email: 'subscriber@example.org' });

    const preview = issueEmailPreview({ actor: editor, issueId: issue.id });
    expect(preview.isPublished).toBe(false);
    expect(preview.text).toContain('Approved piece');
    expect(preview.text).not.toContain('Draft piece');

    expect(sendIssueTest({ actor: editor, issueId: issue.id })).toEqual({ ok: true, to: editor.email, isRepeat: false });
    expect(sendIssueTest({ actor: editor, issueId: issue.id })).toMatchObject({ isRepeat: true });
    await deliverOutbox();
    expect(sink().messages.map((message) => message.to)).toEqual([[editor.email]]);
    const test = sink().messages[0]!;
    expect(test.parsed.subject).toBe(`[Test] ${preview.subject}`);
    expect(headerOf(test, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(issueEmailState({ actor: editor, issueId: issue.id })).toMatchObject({ issueStatus: 'planning', audience: 1, campaign: null });
  });

  it('refuses authors, and a missing issue', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createTestIssue();
    expect(() => sendIssueTest({ actor: author, issueId: issue.id })).toThrow(ForbiddenError);
    expect(() => issueEmailPreview({ actor: author, issueId: issue.id })).toThrow(ForbiddenError);
    expect(() => listCampaignProgress({ actor: author })).toThrow(ForbiddenError);
    expect(() => issueEmailPreview({ actor: editor, issueId: 9999 })).toThrow(/does not exist/);
  });

  it('shows each campaign’s progress: waiting, sent and failed', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createTestIssue({ status: 'published' });
    getDb().update(issues).set({ title: 'June 2025' }).where(eq(issues.id, issue.id)).run();
    createTestArticle({ issueId: issue.id });
    createTestSubscriber({ email: 'ok@example.org' });
    createTestSubscriber({ email: 'gone@example.org' });
    createTestSubscriber({ email: 'later@example.org' });
    sink().refuse('gone@example.org', { code: 550, message: 'No such user' });
    sink().refuse('later@example.org', { code: 451, message: 'Later' });
    getDb().insert(campaigns).values({ kind: 'issue', issueId: issue.id, dedupeKey: `issue:${issue.id}` }).run();
    expandCampaigns();
    await deliverOutbox();
    expect(listCampaignProgress({ actor: editor })).toMatchObject([{ label: 'Issue: June 2025', status: 'sending', recipients: 3, queued: 1, sent: 1, failed: 1 }]);
    expect(issueEmailState({ actor: editor, issueId: issue.id })!.campaign).toMatchObject({ sent: 1, queued: 1, failed: 1 });
    const listed = listOutbox({ actor: editor }).messages.find((message) => message.to === 'ok@example.org')!;
    expect(listed.html).toContain('June 2025');
    expect(listed.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('counts confirmed subscribers at the end of each day', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const now = new Date('2025-04-10T12:00:00Z');
    createTestSubscriber({ confirmedAt: new Date('2025-03-01T00:00:00Z') });
    createTestSubscriber({ confirmedAt: new Date('2025-04-08T09:00:00Z') });
    const leaving = createTestSubscriber({ confirmedAt: new Date('2025-03-15T00:00:00Z') });
    getDb().update(subscribers).set({ status: 'unsubscribed', unsubscribedAt: new Date('2025-04-09T10:00:00Z') }).where(eq(subscribers.id, leaving.id)).run();
    createTestSubscriber({ status: 'pending' });
    expect(subscriberCountsOverTime({ actor: editor, days: 4, now })).toEqual([
      { day: '2025-04-07', subscribed: 2 },
      { day: '2025-04-08', subscribed: 3 },
      { day: '2025-04-09', subscribed: 2 },
      { day: '2025-04-10', subscribed: 2 },
    ]);
  });
});
