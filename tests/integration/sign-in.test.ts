import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import { authenticateStaff } from '@/lib/staff/auth/authenticate-staff';
import { loginWaitMessage } from '@/lib/staff/auth/login-wait-message';
import { createTestStaff, TEST_PASSWORD } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const IP = '192.0.2.10';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-04-01T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('authenticateStaff', () => {
  it('signs in an active account with the right password, whatever the email case', async () => {
    const staff = await createTestStaff({ role: 'editor', email: 'miriam@test.masthead' });
    const result = await authenticateStaff({ email: '  Miriam@Test.Masthead ', password: TEST_PASSWORD, ip: IP });
    expect(result).toEqual({ ok: true, user: { id: staff.id, email: 'miriam@test.masthead', name: staff.name, role: 'editor' } });
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    await createTestStaff({ email: 'known@test.masthead' });
    const wrong = await authenticateStaff({ email: 'known@test.masthead', password: 'not the password', ip: IP });
    const unknown = await authenticateStaff({ email: 'nobody@test.masthead', password: 'not the password', ip: IP });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('takes about as long for an unknown account as for a wrong password', async () => {
    await createTestStaff({ email: 'known@test.masthead' });
    const timeOne = async (email: string, attempt: number) => {
      const started = performance.now();
      await authenticateStaff({ email, password: 'wrong password', ip: `198.51.100.${attempt}` });
      return performance.now() - started;
    };
    await timeOne('warmup@test.masthead', 200);
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a busy machine slows both alike; medians, so one stall does not decide.
    for (let attempt = 0; attempt < 4; attempt++) {
      known.push(await timeOne('known@test.masthead', attempt));
      unknown.push(await timeOne(`nobody${attempt}@test.masthead`, attempt + 10));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // Both verify one argon2id hash; without the dummy hash the unknown case would be ~100x faster.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.3);
    expect(median(unknown) / median(known)).toBeLessThan(3.5);
  });

  it('refuses a deactivated account even with the right password', async () => {
    const staff = await createTestStaff({ email: 'gone@test.masthead' });
    getDb().update((await import('@/db/schema')).users).set({ isActive: false }).where(eq((await import('@/db/schema')).users.id, staff.id)).run();
    expect(await authenticateStaff({ email: 'gone@test.masthead', password: TEST_PASSWORD, ip: IP })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('sign-in throttle', () => {
  it('many wrong passwords for an admin from one address do not stop the admin signing in from another', async () => {
    await createTestStaff({ role: 'admin', email: 'chief@test.masthead' });
    for (let attempt = 0; attempt < 12; attempt++) {
      expect((await authenticateStaff({ email: 'chief@test.masthead', password: 'guess', ip: '203.0.113.66' })).ok).toBe(false);
    }
    expect(await authenticateStaff({ email: 'chief@test.masthead', password: TEST_PASSWORD, ip: '203.0.113.66' })).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await authenticateStaff({ email: 'chief@test.masthead', password: TEST_PASSWORD, ip: IP })).toMatchObject({ ok: true, user: { email: 'chief@test.masthead' } });
  });

  it('from the same address each failure past the fifth doubles the wait, and the message says how long', async () => {
    await createTestStaff({ email: 'target@test.masthead' });
    const attempt = (password: string) => authenticateStaff({ email: 'target@test.masthead', password, ip: IP });
    for (let index = 0; index < 5; index++) expect(await attempt('guess')).toEqual({ ok: false, reason: 'invalid' });

    const first = await attempt(TEST_PASSWORD);
    expect(first).toEqual({ ok: false, reason: 'rate_limited', retryAt: new Date('2025-04-01T12:01:00Z') });
    expect(loginWaitMessage({ retryAt: new Date('2025-04-01T12:01:00Z') })).toBe(
      'Too many sign-in attempts for this address from your connection. Wait 1 minute, then try again; each further wrong password makes the wait longer.',
    );

    vi.setSystemTime(new Date('2025-04-01T12:01:01Z'));
    expect(await attempt('guess again')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(TEST_PASSWORD)).toEqual({ ok: false, reason: 'rate_limited', retryAt: new Date('2025-04-01T12:03:01Z') });
    expect(loginWaitMessage({ retryAt: new Date('2025-04-01T12:03:01Z') })).toContain('Wait 2 minutes');

    vi.setSystemTime(new Date('2025-04-01T12:03:02Z'));
    expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
  });

  it('answers the same for an account that does not exist', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await authenticateStaff({ email: 'ghost@test.masthead', password: 'guess', ip: IP });
    expect(await authenticateStaff({ email: 'ghost@test.masthead', password: 'guess', ip: IP })).toMatchObject({ ok: false, reason: 'rate_limited' });
  });

  it('does not slow one email because of failures for another', async () => {
    await createTestStaff({ email: 'fine@test.masthead' });
    for (let attempt = 0; attempt < 5; attempt++) await authenticateStaff({ email: 'other@test.masthead', password: 'guess', ip: IP });
    expect((await authenticateStaff({ email: 'fine@test.masthead', password: TEST_PASSWORD, ip: IP })).ok).toBe(true);
  });

  it('a success clears the count: four failures, a success, four more failures still sign in', async () => {
    await createTestStaff({ email: 'clumsy@test.masthead' });
    const fail = () => authenticateStaff({ email: 'clumsy@test.masthead', password: 'typo', ip: IP });
    for (let attempt = 0; attempt < 4; attempt++) await fail();
    expect((await authenticateStaff({ email: 'clumsy@test.masthead', password: TEST_PASSWORD, ip: IP })).ok).toBe(true);
    for (let attempt = 0; attempt < 4; attempt++) await fail();
    expect((await authenticateStaff({ email: 'clumsy@test.masthead', password: TEST_PASSWORD, ip: IP })).ok).toBe(true);
  });

  it('after 30 failures from one address, refuses any email from it for 15 minutes but not from elsewhere', async () => {
    await createTestStaff({ email: 'victim@test.masthead' });
    for (let attempt = 0; attempt < 30; attempt++) {
      await authenticateStaff({ email: `spray${attempt}@test.masthead`, password: 'guess', ip: '198.51.100.7' });
    }
    expect(await authenticateStaff({ email: 'victim@test.masthead', password: TEST_PASSWORD, ip: '198.51.100.7' })).toEqual({
      ok: false,
      reason: 'rate_limited',
      retryAt: new Date('2025-04-01T12:15:00Z'),
    });
    expect((await authenticateStaff({ email: 'victim@test.masthead', password: TEST_PASSWORD, ip: '198.51.100.8' })).ok).toBe(true);
  }, 60_000);

  it('records refused attempts without making the wait longer', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await authenticateStaff({ email: 'x@test.masthead', password: 'guess', ip: IP });
    vi.setSystemTime(new Date('2025-04-01T12:00:30Z'));
    await authenticateStaff({ email: 'x@test.masthead', password: 'guess', ip: IP });
    const refused = getDb().select({ value: count() }).from(loginAttempts).where(eq(loginAttempts.outcome, 'refused')).get()?.value;
    expect(refused).toBe(1);
    vi.setSystemTime(new Date('2025-04-01T12:01:01Z'));
    expect(await authenticateStaff({ email: 'x@test.masthead', password: 'guess', ip: IP })).toEqual({ ok: false, reason: 'invalid' });
  });
});
