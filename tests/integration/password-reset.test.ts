import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { outbox, passwordTokens, users } from '@/db/schema';
import { PASSWORD_RESET_ANSWER, requestPasswordReset } from '@/lib/users/request-password-reset';
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
