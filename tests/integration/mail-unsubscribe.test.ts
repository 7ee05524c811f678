import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as subscribePost } from '@/app/api/subscribe/route';
import { GET as unsubscribePage, POST as unsubscribePost } from '@/app/api/unsubscribe/route';
import { getDb } from '@/db/client';
import { campaigns, subscribers } from '@/db/schema';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { expandCampaigns } from '@/lib/readers/mail/expand-campaigns';
import { createTestArticle, createTestIssue } from '../factories/article';
import { mailTo } from '../factories/outbox';
import { createTestSubscriber } from '../factories/subscriber';
import { headerOf, withSmtpSink } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
const { sink } = withSmtpSink();

function statusOf(id: number) {
  return getDb().select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.id, id)).get()?.status;
}

async function issueEmailTo(reader: { id: number; email: string }) {
  const issue = createTestIssue({ status: 'published' });
  createTestArticle({ issueId: issue.id });
  getDb().insert(campaigns).values({ kind: 'issue', issueId: issue.id, dedupeKey: `issue:${issue.id}` }).run();
  expandCampaigns();
  await deliverOutbox();
  return sink().messages.filter((message) => message.to[0] === reader.email).at(-1)!;
}

describe('one-click unsubscribe (RFC 8058)', () => {
  it('unsubscribes with a POST to the List-Unsubscribe URL, without a session, and the next campaign skips the reader', async () => {
    const reader = createTestSubscriber({ email: 'leaving@example.org' });
    const message = await issueEmailTo(reader);
    const url = headerOf(message, 'List-Unsubscribe')!.match(/^<([^>]+)>/)![1]!;

    const response = await unsubscribePost(new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('You are unsubscribed from all Masthead email.');
    expect(statusOf(reader.id)).toBe('unsubscribed');

    const again = await unsubscribePost(new Request(url, { method: 'POST', body: 'List-Unsubscribe=One-Click' }));
    expect(again.status).toBe(200);

    const before = sink().messages.length;
    await issueEmailTo(reader);
    expect(sink().messages.length).toBe(before);
  });

  it('shows people a button on GET and changes nothing until it is pressed', async () => {
    const reader = createTestSubscriber({ email: 'reading@example.org' });
    const message = await issueEmailTo(reader);
    const url = headerOf(message, 'List-Unsubscribe')!.match(/^<([^>]+)>/)![1]!;
    const page = await unsubscribePage(new Request(url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<button type="submit">Unsubscribe from all Masthead email</button>');
    expect(statusOf(reader.id)).toBe('confirmed');

    const pressed = await unsubscribePost(new Request(url, { method: 'POST', headers: { Accept: 'text/html' }, body: 'List-Unsubscribe=One-Click' }));
    expect(await pressed.text()).toContain('<h1>You are unsubscribed</h1>');
    expect(statusOf(reader.id)).toBe('unsubscribed');
  });

  it('refuses a forged or damaged token and unsubscribes nobody', async () => {
    const reader = createTestSubscriber();
    for (const token of [`${reader.id}.AAAAAAAAAAAAAAAAAAAAAA`, `${reader.id}`, '']) {
      const response = await unsubscribePost(new Request(`http://localhost:3000/api/unsubscribe?token=${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' }));
      expect(response.status).toBe(400);
    }
    expect(statusOf(reader.id)).toBe('confirmed');
  });
});

describe('POST /api/subscribe', () => {
  it('takes JSON and answers the same for a new and an already-subscribed address', async () => {
    createTestSubscriber({ email: 'already@example.org' });
    const ask = (email: string) =>
      subscribePost(new Request('http://localhost:3000/api/subscribe', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.1' }, body: JSON.stringify({ email, wantsIssueEmail: true }) }));
    const forNew = await ask('fresh@example.org');
    const forKnown = await ask('already@example.org');
    expect(forNew.status).toBe(202);
    expect(forKnown.status).toBe(202);
    expect(await forNew.json()).toEqual(await forKnown.json());
    expect(mailTo('fresh@example.org')[0]!.subject).toBe('Confirm your Masthead subscription');
  });

  it('takes a plain form and redirects to the check-your-inbox page, or back to the form with the problem', async () => {
    const form = (body: string) => subscribePost(new Request('http://localhost:3000/api/subscribe', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body }));
    const accepted = await form('email=form%40example.org&wantsIssueEmail=on');
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/subscribe/check-email');
    const refused = await form('email=nope&follow=12');
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe('/subscribe?problem=invalid&follow=12');
    const json = await subscribePost(new Request('http://localhost:3000/api/subscribe', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email":' }));
    expect(json.status).toBe(400);
  });
});
