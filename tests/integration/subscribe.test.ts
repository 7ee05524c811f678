import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { subscriberFollows, subscribers } from '@/db/schema';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { readerMailLinks } from '@/lib/readers/mail/reader-mail-headers';
import { applyChoicesChange, confirmSubscription } from '@/lib/readers/confirm-subscription';
import { subscribeReader, SUBSCRIBE_ACCEPTED_MESSAGE } from '@/lib/readers/subscribe-reader';
import { createTestEntity } from '../factories/entity';
import { mailTo } from '../factories/outbox';
import { createTestSubscriber } from '../factories/subscriber';
import { headerOf, withSmtpSink } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
const { sink } = withSmtpSink();

function subscriberRow(email: string) {
  return getDb().select().from(subscribers).where(eq(subscribers.email, email)).get();
}

function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+${path.replace(/[?]/g, '\\?')}=([^\\s]+)`));
  if (!match) throw new Error(`No ${path} link in: ${text}`);
  return decodeURIComponent(match[1]!);
}

describe('subscribing with double opt-in', () => {
  it('mails a confirmation link over SMTP, sends nothing else, and confirms the address when the link is used', async () => {
    const treaty = createTestEntity({ kind: 'treaty', name: 'New START' });
    const result = subscribeReader({ input: { email: ' Reader@Example.org ', wantsIssueEmail: 'on', follow: [String(treaty.id)], alertFrequency: 'daily' }, ip: '203.0.113.5' });
    expect(result).toEqual({ ok: true, message: SUBSCRIBE_ACCEPTED_MESSAGE });
    expect(subscriberRow('reader@example.org')).toMatchObject({ status: 'pending', wantsIssueEmail: true, alertFrequency: 'daily' });

    expect(await deliverOutbox()).toBe(1);
    expect(sink().messages).toHaveLength(1);
    const [message] = sink().messages;
    expect(message!.to).toEqual(['reader@example.org']);
    expect(message!.parsed.subject).toBe('Confirm your Masthead subscription');
    expect(headerOf(message!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // No mailbox is configured, so no mailto that nobody would read: only the one-click link.
    expect(headerOf(message!, 'List-Unsubscribe')).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[^>,]+>$/);
    expect(String(message!.parsed.html)).toContain('Confirm your subscription</a>');
    const token = linkIn(message!.parsed.text ?? '', '/subscribe/confirm?token');

    expect(confirmSubscription({ token })).toEqual({ ok: true });
    const confirmed = subscriberRow('reader@example.org')!;
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.confirmTokenHash).toBeNull();
    expect(getDb().select().from(subscriberFollows).where(eq(subscriberFollows.subscriberId, confirmed.id)).all()).toHaveLength(1);
    expect(confirmSubscription({ token })).toMatchObject({ ok: false });
  });

  it('resends a new link when asked again, and the old one stops working', () => {
    subscribeReader({ input: { email: 'again@example.org', wantsIssueEmail: true }, ip: '203.0.113.6' });
    subscribeReader({ input: { email: 'again@example.org', wantsIssueEmail: true }, ip: '203.0.113.6' });
    const [newest, oldest] = mailTo('again@example.org');
    expect(mailTo('again@example.org')).toHaveLength(2);
    const oldToken = linkIn(oldest!.text, '/subscribe/confirm?token');
    const newToken = linkIn(newest!.text, '/subscribe/confirm?token');
    expect(oldToken).not.toBe(newToken);
    expect(confirmSubscription({ token: oldToken })).toMatchObject({ ok: false });
    expect(confirmSubscription({ token: newToken })).toEqual({ ok: true });
  });

  it('answers a confirmed address exactly as a new one, changes nothing until its emailed link is used', () => {
    const topic = createTestEntity({ kind: 'topic', name: 'Missile defence' });
    const known = createTestSubscriber({ email: 'known@example.org', wantsIssueEmail: false });
    const forKnown = subscribeReader({ input: { email: 'known@example.org', wantsIssueEmail: true, follow: [topic.id] }, ip: '203.0.113.7' });
    const forNew = subscribeReader({ input: { email: 'new@example.org', wantsIssueEmail: true, follow: [topic.id] }, ip: '203.0.113.7' });
    expect(forKnown).toEqual(forNew);
    expect(subscriberRow('known@example.org')).toMatchObject({ status: 'confirmed', wantsIssueEmail: false });

    const mail = mailTo('known@example.org')[0]!;
    expect(mail.subject).toBe('Confirm the change to your Masthead email');
    expect(mail.text).toContain('alerts about Missile defence');
    expect(applyChoicesChange({ token: linkIn(mail.text, '/subscribe/confirm?change') })).toEqual({ ok: true });
    expect(subscriberRow('known@example.org')).toMatchObject({ status: 'confirmed', wantsIssueEmail: true });
    expect(getDb().select().from(subscriberFollows).where(eq(subscriberFollows.subscriberId, known.id)).all().map((row) => row.entityId)).toEqual([topic.id]);
  });

  it('refuses an expired confirmation link', () => {
    const sentAt = new Date('2025-05-01T10:00:00Z');
    subscribeReader({ input: { email: 'late@example.org', wantsIssueEmail: true }, ip: '203.0.113.8', now: sentAt });
    const token = linkIn(mailTo('late@example.org')[0]!.text, '/subscribe/confirm?token');
    const result = confirmSubscription({ token, now: new Date(sentAt.getTime() + 49 * 60 * 60 * 1000) });
    expect(result).toEqual({ ok: false, reason: 'expired', error: expect.stringContaining('expired') });
    expect(subscriberRow('late@example.org')!.status).toBe('pending');
  });

  it('limits requests per address and per IP within an hour', () => {
    const now = new Date('2025-05-01T10:00:00Z');
    for (let index = 0; index < 5; index++) expect(subscribeReader({ input: { email: 'flood@example.org', wantsIssueEmail: true }, ip: `198.51.100.${index}`, now }).ok).toBe(true);
    expect(subscribeReader({ input: { email: 'flood@example.org', wantsIssueEmail: true }, ip: '198.51.100.99', now })).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(mailTo('flood@example.org')).toHaveLength(5);

    for (let index = 0; index < 20; index++) subscribeReader({ input: { email: `many${index}@example.org`, wantsIssueEmail: true }, ip: '192.0.2.1', now });
    expect(subscribeReader({ input: { email: 'one-more@example.org', wantsIssueEmail: true }, ip: '192.0.2.1', now })).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(subscribeReader({ input: { email: 'one-more@example.org', wantsIssueEmail: true }, ip: '192.0.2.1', now: new Date(now.getTime() + 61 * 60 * 1000) }).ok).toBe(true);
  });

  it('explains what is wrong with the input and writes nothing', () => {
    expect(subscribeReader({ input: { email: 'not an address', wantsIssueEmail: true }, ip: '192.0.2.9' })).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: { email: 'Enter an email address like name@example.org.' },
    });
    expect(subscribeReader({ input: { email: 'nothing@example.org' }, ip: '192.0.2.9' })).toMatchObject({
      ok: false,
      fieldErrors: { wantsIssueEmail: 'Choose the issue email, something to follow, or both.' },
    });
    expect(getDb().select().from(subscribers).all()).toEqual([]);
  });
});

describe('List-Unsubscribe', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('offers a mailto beside the one-click link only when a mailbox that someone handles is configured', () => {
    expect(readerMailLinks(7).headers['List-Unsubscribe']).not.toContain('mailto:');
    vi.stubEnv('MAIL_UNSUBSCRIBE_ADDRESS', 'leave@magazine.example');
    const header = readerMailLinks(7).headers['List-Unsubscribe']!;
    expect(header).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[^>]+>, <mailto:leave@magazine\.example\?subject=unsubscribe%20[^>]+>$/);
  });
});
