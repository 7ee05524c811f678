import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, contributors, users } from '@/db/schema';
import { authenticateStaff } from '@/lib/staff/auth/authenticate-staff';
import { countUsers, createStaffUser } from '@/lib/staff/users/create-staff-user';
import { withTempDatabase } from '../factories/temp-database';

const database = withTempDatabase();

/**
 * Another server process in the middle of its own first-admin setup: it holds the write lock with
 * its admin inserted but not committed, and commits a moment later.
 */
const OTHER_SETUP = `
  const db = new (require('better-sqlite3'))(process.argv[1]);
  db.pragma('busy_timeout = 5000');
  db.exec('begin immediate');
  db.prepare("insert into users (email, name, password_hash, role) values ('other@example.org', 'Other', 'x', 'admin')").run();
  process.stdout.write('holding\\n');
  setTimeout(() => { db.exec('commit'); db.close(); }, 2_500);
`;

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

  it('a setup racing another server process gets a clear refusal, and exactly one admin exists', async () => {
    const other = spawn(process.execPath, ['-e', OTHER_SETUP, database.path()], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(other, 'exit');
    await once(other.stdout, 'data');
    const result = await createStaffUser({ input: admin, actorId: null, onlyIfNoUsers: true });
    await exited;
    expect(result).toEqual({ ok: false, error: 'An administrator already exists; sign in instead.' });
    expect(getDb().select({ email: users.email }).from(users).all()).toEqual([{ email: 'other@example.org' }]);
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
