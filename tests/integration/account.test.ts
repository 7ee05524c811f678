import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { outbox, readerSignInTokens, subscriberFollows, subscribers } from '@/db/schema';
import { enqueueMail } from '@/lib/readers/mail/enqueue-mail';
import { deleteReaderData } from '@/lib/readers/delete-reader-data';
import { exportReaderData } from '@/lib/readers/export-reader-data';
import { getReaderAccount } from '@/lib/readers/get-reader-account';
import { readerAuthAdapter } from '@/lib/readers/reader-auth-adapter';
import { sendReaderSignInLink } from '@/lib/readers/send-reader-sign-in-link';
import { readSignInLink } from '@/lib/readers/sign-in-link';
import { updateReaderChoices } from '@/lib/readers/update-reader-choices';
import { createTestEntity } from '../factories/entity';
import { mailTo } from '../factories/outbox';
import { createTestSubscriber } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('signing in to /account by emailed link', () => {
  it('mails a link only to subscribed addresses, through the outbox, on the site’s own address whatever the request said', () => {
    const reader = createTestSubscriber({ email: 'member@example.org' });
    const expires = new Date(Date.now() + 30 * 60 * 1000);
    const url = 'https://evil.example/api/reader-auth/callback/email?callbackUrl=%2Faccount&token=abc&email=member%40example.org';
    sendReaderSignInLink({ identifier: 'member@example.org', url, token: 'abc', expires });
    sendReaderSignInLink({ identifier: 'stranger@example.org', url, token: 'def', expires });
    const [message] = mailTo('member@example.org');
    expect(message).toMatchObject({ kind: 'reader.sign-in', subscriberId: reader.id, subject: 'Your link to sign in to Masthead' });
    // The link opens a page with a button; opening it spends nothing (mail scanners open links).
    expect(message!.text).toContain('http://localhost:3000/account/sign-in?token=abc&email=member%40example.org&callbackUrl=%2Faccount');
    expect(message!.text).not.toContain('/api/reader-auth/');
    expect(message!.text).not.toContain('evil.example');
    expect(message!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mailTo('stranger@example.org')).toEqual([]);
  });

  it('keeps sign-in tokens only for subscribers, and each works once', async () => {
    createTestSubscriber({ email: 'member@example.org' });
    const adapter = readerAuthAdapter();
    const expires = new Date(Date.now() + 60_000);
    expect(await adapter.createVerificationToken!({ identifier: 'stranger@example.org', token: 'hash-1', expires })).toBeNull();
    expect(await adapter.createVerificationToken!({ identifier: 'member@example.org', token: 'hash-2', expires })).toMatchObject({ token: 'hash-2' });
    expect(getDb().select().from(readerSignInTokens).all()).toHaveLength(1);
    expect(await adapter.useVerificationToken!({ identifier: 'member@example.org', token: 'hash-2' })).toMatchObject({ identifier: 'member@example.org', expires });
    expect(await adapter.useVerificationToken!({ identifier: 'member@example.org', token: 'hash-2' })).toBeNull();
    expect(await adapter.getUserByEmail!('MEMBER@example.org')).toMatchObject({ email: 'member@example.org' });
    await expect(adapter.createUser!({ id: 'x', email: 'stranger@example.org', emailVerified: null })).rejects.toThrow();
  });
});

describe('the reader’s account', () => {
  it('saves choices: issue email, pause, frequency, and drops the follows left unticked', () => {
    const kept = createTestEntity({ kind: 'country', name: 'Norway' });
    const dropped = createTestEntity({ kind: 'country', name: 'Peru' });
    const reader = createTestSubscriber({ follows: [kept.id, dropped.id] });
    expect(updateReaderChoices({ subscriberId: reader.id, input: { isPaused: 'on', alertFrequency: 'weekly', keepFollow: [String(kept.id)] } })).toEqual({ ok: true });
    expect(getReaderAccount(reader.id)).toMatchObject({ wantsIssueEmail: false, isPaused: true, alertFrequency: 'weekly', follows: [{ id: kept.id, name: 'Norway', path: '/countries/norway' }] });
    expect(updateReaderChoices({ subscriberId: reader.id, input: { alertFrequency: 'hourly' } })).toMatchObject({ ok: false, fieldErrors: { alertFrequency: expect.any(String) } });
  });

  it('exports the reader’s own data and nobody else’s', () => {
    const treaty = createTestEntity({ kind: 'treaty', name: 'Chemical Weapons Convention' });
    const reader = createTestSubscriber({ email: 'mine@example.org', follows: [treaty.id] });
    const other = createTestSubscriber({ email: 'theirs@example.org' });
    enqueueMail({ dedupeKey: 'a', kind: 'campaign.issue', to: reader.email, subject: 'April 2025', text: 'x', subscriberId: reader.id });
    enqueueMail({ dedupeKey: 'b', kind: 'campaign.issue', to: other.email, subject: 'Not mine', text: 'x', subscriberId: other.id });
    const data = exportReaderData({ subscriberId: reader.id })!;
    expect(data.subscription).toMatchObject({ email: 'mine@example.org', status: 'confirmed' });
    expect(data.follows).toEqual([expect.objectContaining({ name: 'Chemical Weapons Convention', url: 'http://localhost:3000/treaties/chemical-weapons-convention' })]);
    expect(data.messages.map((message) => message.subject)).toEqual(['April 2025']);
    expect(JSON.stringify(data)).not.toContain('theirs@example.org');
  });

  it('deletes the subscription, follows, sign-in tokens and mail to the reader, and only theirs', () => {
    const entity = createTestEntity({ kind: 'topic', name: 'Verification' });
    const reader = createTestSubscriber({ email: 'erase@example.org', follows: [entity.id] });
    const other = createTestSubscriber({ email: 'stay@example.org', follows: [entity.id] });
    enqueueMail({ dedupeKey: 'mine', kind: 'reader.confirm', to: reader.email, subject: 's', text: 't', subscriberId: reader.id });
    enqueueMail({ dedupeKey: 'theirs', kind: 'reader.confirm', to: other.email, subject: 's', text: 't', subscriberId: other.id });
    getDb().insert(readerSignInTokens).values({ identifier: reader.email, tokenHash: 'h', expiresAt: new Date(Date.now() + 60_000) }).run();

    expect(deleteReaderData({ subscriberId: reader.id })).toBe(true);
    expect(getDb().select().from(subscribers).where(eq(subscribers.id, reader.id)).get()).toBeUndefined();
    expect(getDb().select().from(subscriberFollows).all()).toEqual([expect.objectContaining({ subscriberId: other.id })]);
    expect(getDb().select({ key: outbox.dedupeKey }).from(outbox).all()).toEqual([{ key: 'theirs' }]);
    expect(getDb().select().from(readerSignInTokens).all()).toEqual([]);
    expect(deleteReaderData({ subscriberId: reader.id })).toBe(false);
  });
});

describe('the readers’ Auth.js flow', () => {
  it('mails a link to a subscriber, and following it sets the reader cookie (not the staff one); the link works once', async () => {
    const { Auth, skipCSRFCheck } = await import('@auth/core');
    const { readerAuthConfig } = await import('@/lib/readers/reader-auth-config');
    const reader = createTestSubscriber({ email: 'flow@example.org' });
    const config = { ...readerAuthConfig(), skipCSRFCheck } as Parameters<typeof Auth>[1];
    const ask = (email: string) =>
      Auth(
        new Request('http://localhost:3000/api/reader-auth/signin/email', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ email, callbackUrl: '/account' }),
        }),
        config,
      );
    const asked = await ask('flow@example.org');
    const strangerAsked = await ask('stranger@example.org');
    expect(asked.headers.get('location')).toBe('http://localhost:3000/api/reader-auth/verify-request?provider=email&type=email');
    const landing = await Auth(new Request(asked.headers.get('location')!), config);
    expect(landing.headers.get('location')).toBe('/account/check-email?provider=email&type=email');
    expect(strangerAsked.headers.get('location')).toBe(asked.headers.get('location'));
    expect(mailTo('stranger@example.org')).toEqual([]);

    // The emailed page's button sends its hidden fields to the callback, as a browser submits the form.
    const page = new URL(mailTo('flow@example.org')[0]!.text.match(/http:\/\/localhost:3000\/account\/sign-in\?\S+/)![0]);
    const fields = readSignInLink(Object.fromEntries(page.searchParams));
    expect(fields).toMatchObject({ email: 'flow@example.org', callbackUrl: '/account' });
    const link = `http://localhost:3000/api/reader-auth/callback/email?${new URLSearchParams(fields!).toString()}`;
    const signedIn = await Auth(new Request(link), config);
    expect(signedIn.headers.get('location')).toBe('http://localhost:3000/account');
    const cookies = signedIn.headers.getSetCookie().join('\n');
    expect(cookies).toContain('masthead-reader.session-token=');
    expect(cookies).not.toContain('authjs.session-token');
    expect(getDb().select().from(readerSignInTokens).all()).toEqual([]);

    const again = await Auth(new Request(link), config);
    expect(again.headers.get('location')).toContain('/account/sign-in-error');
    expect(reader.id).toBeGreaterThan(0);
  });
});
