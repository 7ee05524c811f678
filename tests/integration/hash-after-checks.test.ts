import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as passwordModule from '@/lib/staff/auth/password';
import { hashPassword } from '@/lib/staff/auth/password';
import { createStaffUser } from '@/lib/staff/users/create-staff-user';
import { inviteStaff } from '@/lib/staff/users/invite-staff';
import { INVALID_LINK_MESSAGE, setPasswordWithToken } from '@/lib/staff/users/set-password-with-token';
import { latestSetPasswordToken } from '../factories/outbox';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

// The real argon2id, counted: a refusal that could be decided without it must not pay for it.
vi.mock('@/lib/staff/auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof passwordModule>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

withTempDatabase();

const hashCalls = () => vi.mocked(hashPassword).mock.calls.length;
const admin = { name: 'Ada Admin', email: 'ada@example.org', password: 'a long enough password', role: 'admin' };

beforeEach(() => {
  vi.mocked(hashPassword).mockClear();
});

describe('argon2 runs only after the cheap checks pass', () => {
  it('an unknown set-password link is refused without hashing the new password', async () => {
    const result = await setPasswordWithToken({ token: 'x'.repeat(43), password: 'a long enough password' });
    expect(result).toEqual({ ok: false, error: INVALID_LINK_MESSAGE });
    expect(hashCalls()).toBe(0);
  });

  it('a too-short password is refused without hashing', async () => {
    const result = await setPasswordWithToken({ token: 'x'.repeat(43), password: 'short' });
    expect(result).toMatchObject({ ok: false, fieldErrors: { password: 'Use at least 10 characters for the password.' } });
    expect(hashCalls()).toBe(0);
  });

  it('a valid link hashes once and sets the password', async () => {
    const inviter = await createTestStaff({ role: 'admin' });
    await inviteStaff({ actor: inviter, input: { name: 'Nadia Okafor', email: 'nadia@example.org', role: 'editor' } });
    vi.mocked(hashPassword).mockClear();
    expect(await setPasswordWithToken({ token: latestSetPasswordToken('nadia@example.org'), password: 'a long enough password' })).toEqual({ ok: true });
    expect(hashCalls()).toBe(1);
  });

  it('a second first-admin form is refused without hashing once an account exists', async () => {
    expect((await createStaffUser({ input: admin, actorId: null, onlyIfNoUsers: true })).ok).toBe(true);
    vi.mocked(hashPassword).mockClear();
    const second = await createStaffUser({ input: { ...admin, email: 'mallory@example.org' }, actorId: null, onlyIfNoUsers: true });
    expect(second).toEqual({ ok: false, error: 'An administrator already exists; sign in instead.' });
    expect(hashCalls()).toBe(0);
  });

  it('the first admin on an empty database is hashed once', async () => {
    expect((await createStaffUser({ input: admin, actorId: null, onlyIfNoUsers: true })).ok).toBe(true);
    expect(hashCalls()).toBe(1);
  });
});
