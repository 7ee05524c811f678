import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { outbox, type OutboxMessage } from '@/db/schema';
import { listOutbox } from '@/lib/readers/mail/list-outbox';
import { sendReaderSignInLink } from '@/lib/readers/send-reader-sign-in-link';
import { subscribeReader } from '@/lib/readers/subscribe-reader';
import { inviteStaff } from '@/lib/staff/users/invite-staff';
import { requestPasswordReset } from '@/lib/staff/users/request-password-reset';
import { createTestStaff } from '../factories/staff';
import { createTestSubscriber } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

/** Every secret a stored message carries, read from the row as its recipient would read it. */
function secretsIn(message: OutboxMessage): string[] {
  const all = [message.text, message.html ?? '', ...Object.values(message.headers)].join('\n');
  const secrets = new Set<string>();
  for (const match of all.matchAll(/[?&](?:token|change)=([A-Za-z0-9_.-]{16,})/g)) secrets.add(match[1]!);
  return [...secrets];
}

async function queueMessagesWithLinks() {
  const admin = await createTestStaff({ role: 'admin' });
  const reader = createTestSubscriber({ email: 'reader@example.org' });
  sendReaderSignInLink({
    identifier: reader.email,
    url: `http://localhost:3000/api/reader-auth/callback/email?callbackUrl=%2Faccount&token=${'s'.repeat(64)}&email=reader%40example.org`,
    token: 's'.repeat(64),
    expires: new Date(Date.now() + 30 * 60 * 1000),
  });
  expect(subscribeReader({ input: { email: 'new-reader@example.org', wantsIssueEmail: true }, ip: '198.51.100.7' }).ok).toBe(true);
  expect(subscribeReader({ input: { email: 'reader@example.org', wantsIssueEmail: true }, ip: '198.51.100.7' }).ok).toBe(true);
  expect((await inviteStaff({ actor: admin, input: { name: 'Second Admin', email: 'second-admin@example.org', role: 'admin' } })).ok).toBe(true);
  expect(requestPasswordReset({ input: { email: admin.email }, ip: '198.51.100.7' }).ok).toBe(true);
  return { admin, stored: getDb().select().from(outbox).all() };
}

describe('secret links in the desk outbox', () => {
  it.each(['editor', 'admin'] as const)('an %s sees no token from a stored sign-in, confirmation, invitation or reset message', async (role) => {
    const { stored } = await queueMessagesWithLinks();
    const viewer = await createTestStaff({ role });
    expect(stored.map((message) => message.kind).sort()).toEqual(['reader.change', 'reader.confirm', 'reader.sign-in', 'staff.invite', 'staff.password-reset']);
    const secrets = stored.flatMap(secretsIn);
    expect(secrets.length).toBeGreaterThanOrEqual(5);

    const shown = JSON.stringify(listOutbox({ actor: viewer }).messages);
    for (const secret of secrets) expect(shown).not.toContain(secret);
    // The mailto form of the unsubscribe token is a key too.
    expect(shown).not.toMatch(/unsubscribe(%20| )\d+\.[A-Za-z0-9_-]{22}/);
  });

  it('keeps every message, its ordinary words and its harmless links, and says which link was hidden', async () => {
    const { admin } = await queueMessagesWithLinks();
    const editor = await createTestStaff({ role: 'editor' });
    const messages = listOutbox({ actor: editor }).messages;
    const byKind = Object.fromEntries(messages.map((message) => [message.kind, message]));
    expect(messages).toHaveLength(5);

    expect(byKind['reader.sign-in']).toMatchObject({ to: 'reader@example.org', subject: 'Your link to sign in to Masthead' });
    expect(byKind['reader.sign-in']!.text).toContain('Sign in to your Masthead account: [sign-in link hidden]');
    expect(byKind['reader.sign-in']!.text).toContain('Change what you receive: http://localhost:3000/account');
    expect(byKind['reader.sign-in']!.text).toContain('Unsubscribe from all Masthead email: [unsubscribe link hidden]');
    expect(byKind['reader.sign-in']!.html).toContain('Sign in to Masthead <strong>[sign-in link hidden]</strong>');
    expect(byKind['reader.sign-in']!.html).toContain('href="http://localhost:3000/account"');
    expect(byKind['reader.sign-in']!.headers).toMatchObject({ 'List-Unsubscribe': '<[unsubscribe link hidden]>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    expect(byKind['reader.confirm']!.text).toContain('Please confirm that you want email from Masthead.');
    expect(byKind['reader.confirm']!.text).toContain('Confirm your subscription: [confirmation link hidden]');
    expect(byKind['reader.change']!.text).toContain('To add this, follow the link: [confirmation link hidden]');
    expect(byKind['staff.invite']!.text).toContain('has invited you to the Masthead desk. Choose your password here to start:\n\n[set-password link hidden]');
    expect(byKind['staff.password-reset']).toMatchObject({ to: admin.email, subject: 'Set a new password for the Masthead desk' });
    expect(byKind['staff.password-reset']!.text).toContain('[set-password link hidden]');
    expect(byKind['staff.password-reset']!.text).toContain('Then sign in at http://localhost:3000/login with this email address.');
  });
});
