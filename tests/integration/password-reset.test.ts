import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { outbox, passwordTokens, users } from '@/db/schema';
import { inviteStaff } from '@/lib/staff/users/invite-staff';
import { isPasswordLinkOpen } from '@/lib/staff/users/is-password-link-open';
import { PASSWORD_RESET_ANSWER, requestPasswordReset } from '@/lib/staff/users/request-password-reset';
import { latestSetPasswordToken, mailTo } from '../factories/outbox';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('forgot password', () => {
  it('answers a known and an unknown address in the same words, and mails only the known one', async () => {
    const staff = await createTestStaff({ role: 'author', email: 'known@test.masthead' });
    const known = requestPasswordReset({ input: { email: ' Known@Test.Masthead ' }, ip: '10.0.0.1' });
    const unknown = requestPasswordReset({ input: { email: 'nobody@test.masthead' }, ip: '10.0.0.2' });
    expect(known).toEqual({ ok: true, message: PASSWORD_RESET_ANSWER });
    expect(unknown).toEqual(known);
    const mail = getDb().select().from(outbox).all();
    expect(mail.map((message) => [message.toAddress, message.kind])).toEqual([[staff.email, 'staff.password-reset']]);
    expect(mail[0]!.text).toMatch(/\/login\/set-password\?token=/);
    expect(getDb().select().from(passwordTokens).where(eq(passwordTokens.userId, staff.id)).all()).toHaveLength(1);
  });

  it('mails a reset link that works for one hour, while an invitation keeps 72 hours', async () => {
    const admin = await createTestStaff({ role: 'admin', email: 'forgetful@test.masthead' });
    const asked = new Date();
    expect(requestPasswordReset({ input: { email: admin.email }, ip: '10.0.0.9', now: asked })).toEqual({ ok: true, message: PASSWORD_RESET_ANSWER });
    expect(PASSWORD_RESET_ANSWER).toContain('It works for 1 hour.');
    const token = latestSetPasswordToken(admin.email);
    expect(mailTo(admin.email)[0]!.text).toContain('The link works once, for 1 hour.');
    expect(isPasswordLinkOpen(token, new Date(asked.getTime() + 59 * 60 * 1000))).toBe(true);
    expect(isPasswordLinkOpen(token, new Date(asked.getTime() + 61 * 60 * 1000))).toBe(false);

    await inviteStaff({ actor: admin, input: { name: 'New Editor', email: 'new-editor@test.masthead', role: 'editor' } });
    const invitation = latestSetPasswordToken('new-editor@test.masthead');
    expect(mailTo('new-editor@test.masthead')[0]!.text).toContain('The link works once, for 72 hours.');
    expect(isPasswordLinkOpen(invitation, new Date(Date.now() + 71 * 60 * 60 * 1000))).toBe(true);
  });

  it('sends nothing to a disabled account, yet says the same', async () => {
    const staff = await createTestStaff({ role: 'editor' });
    getDb().update(users).set({ isActive: false }).where(eq(users.id, staff.id)).run();
    expect(requestPasswordReset({ input: { email: staff.email }, ip: '10.0.0.3' })).toEqual({ ok: true, message: PASSWORD_RESET_ANSWER });
    expect(getDb().select().from(outbox).all()).toEqual([]);
  });

  it('limits requests per address whether or not it has an account', async () => {
    await createTestStaff({ role: 'author', email: 'busy@test.masthead' });
    for (const email of ['busy@test.masthead', 'ghost@test.masthead']) {
      const answers = Array.from({ length: 4 }, (_, index) => requestPasswordReset({ input: { email }, ip: `10.1.0.${index}` }));
      expect(answers.map((answer) => answer.ok)).toEqual([true, true, true, false]);
    }
    expect(getDb().select().from(outbox).all()).toHaveLength(3);
  });

  it('asks for an address when given something else', () => {
    expect(requestPasswordReset({ input: { email: 'not an address' }, ip: '10.0.0.9' })).toEqual({ ok: false, error: 'Enter the email address you sign in with.' });
  });
});
