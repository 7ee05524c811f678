import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, contributors, users } from '@/db/schema';
import { authenticateStaff } from '@/lib/auth/authenticate-staff';
import { countUsers, createStaffUser } from '@/lib/users/create-staff-user';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const admin = { name: 'Ada Admin', email: 'Ada@Example.org', password: 'a long enough password', role: 'admin' };

describe('creating the first administrator', () => {
  it('creates an admin with a byline on an empty database, who can then sign in', async () => {
    expect(countUsers()).toBe(0);
    const result = await createStaffUser({ input: admin, actorId: null, onlyIfNoUsers: true });
    expect(result.ok).toBe(true);
    const stored = getDb().select().from(users).all();
    expect(stored).toMatchObject([{ email: 'ada@example.org', role: 'admin', name: 'Ada Admin' }]);
    expect(stored[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(getDb().select().from(contributors).all()).toMatchObject([{ slug: 'ada-admin', userId: stored[0]!.id }]);
    expect(getDb().select({ value: count() }).from(auditLog).get()?.value).toBe(1);
    expect((await authenticateStaff({ email: admin.email, password: admin.password, ip: '192.0.2.1' })).ok).toBe(true);
  });

  it('refuses a second one-time setup once any account exists', async () => {
    await createStaffUser({ input: admin, actorId: null, onlyIfNoUsers: true });
    const second = await createStaffUser({ input: { ...admin, email: 'mallory@example.org' }, actorId: null, onlyIfNoUsers: true });
    expect(second).toEqual({ ok: false, error: 'An administrator already exists; sign in instead.' });
    expect(countUsers()).toBe(1);
  });

  it('two setups racing each other leave exactly one admin', async () => {
    const results = await Promise.all([
      createStaffUser({ input: admin, actorId: null, onlyIfNoUsers: true }),
      createStaffUser({ input: { ...admin, email: 'second@example.org' }, actorId: null, onlyIfNoUsers: true }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(countUsers()).toBe(1);
  });

  it('names each field that is wrong and creates nothing', async () => {
    const result = await createStaffUser({ input: { name: ' ', email: 'not-an-email', password: 'short', role: 'admin' }, actorId: null });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      name: 'Enter a name.',
      email: 'Enter a valid email address.',
      password: 'Use at least 10 characters for the password.',
    });
    expect(countUsers()).toBe(0);
  });

  it('refuses a duplicate email', async () => {
    await createStaffUser({ input: admin, actorId: null });
    const again = await createStaffUser({ input: { ...admin, email: 'ADA@example.org' }, actorId: null });
    expect(again).toMatchObject({ ok: false, error: 'An account with that email already exists.' });
  });
});
