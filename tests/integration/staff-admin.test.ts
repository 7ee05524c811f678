import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, contributors, endedStaffSessions, passwordTokens, users } from '@/db/schema';
import { authenticateStaff } from '@/lib/staff/auth/authenticate-staff';
import { getCurrentStaff } from '@/lib/staff/auth/current-staff';
import { endSession, endSessionsOf } from '@/lib/staff/auth/end-sessions';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { changeRole } from '@/lib/staff/users/change-role';
import { createContributor } from '@/lib/staff/users/create-contributor';
import { hashPasswordToken } from '@/lib/staff/users/hash-password-token';
import { inviteStaff } from '@/lib/staff/users/invite-staff';
import { isPasswordLinkOpen } from '@/lib/staff/users/is-password-link-open';
import { listGuestContributors } from '@/lib/staff/users/list-guest-contributors';
import { listStaff } from '@/lib/staff/users/list-staff';
import { sendSetPasswordLink } from '@/lib/staff/users/send-set-password-link';
import { setActive } from '@/lib/staff/users/set-active';
import { INVALID_LINK_MESSAGE, setPasswordWithToken } from '@/lib/staff/users/set-password-with-token';
import { updateContributor } from '@/lib/staff/users/update-contributor';
import { latestSetPasswordToken, mailTo } from '../factories/outbox';
import { createTestStaff, TEST_PASSWORD } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

// The session cookie is what a browser sends; the account behind it is read from the real database.
const session = vi.hoisted(() => ({ userId: null as number | null, sessionId: undefined as string | undefined, signedInAt: null as number | null }));
vi.mock('@/lib/staff/auth/auth', () => ({
  auth: async () => (session.userId ? { user: { id: String(session.userId), role: 'author' }, signedInAt: session.signedInAt ?? Date.now(), sessionId: session.sessionId } : null),
}));

withTempDatabase();

const IP = '192.0.2.20';
const NEW_PASSWORD = 'a brand new passphrase';

beforeEach(() => {
  process.env.SITE_URL = 'https://masthead.example/';
  session.userId = null;
  session.signedInAt = null;
});
afterEach(() => {
  delete process.env.SITE_URL;
  vi.useRealTimers();
});

function userByEmail(email: string) {
  return getDb().select().from(users).where(eq(users.email, email)).get();
}

function auditActions(subjectId: number): string[] {
  return getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, subjectId)))
    .orderBy(auditLog.id)
    .all()
    .map((row) => row.action);
}

describe('inviting staff', () => {
  it('creates an account nobody can sign in to yet, a byline, a 72-hour link and the email that carries it', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const started = Date.now();
    const result = await inviteStaff({ actor: admin, input: { name: 'Nadia Okafor', email: ' Nadia@Example.org ', role: 'author' } });
    expect(result).toMatchObject({ ok: true, isReinvite: false });
    const user = userByEmail('nadia@example.org')!;
    expect(user).toMatchObject({ name: 'Nadia Okafor', role: 'author', isActive: true });
    expect(getDb().select().from(contributors).where(eq(contributors.userId, user.id)).all()).toMatchObject([{ name: 'Nadia Okafor', slug: 'nadia-okafor' }]);

    const [message] = mailTo('nadia@example.org');
    expect(message).toMatchObject({ kind: 'staff.invite', status: 'pending', subject: 'You are invited to the Masthead desk' });
    expect(message!.text).toContain(`${admin.name} has invited you`);
    expect(message!.text).toMatch(/https:\/\/masthead\.example\/login\/set-password\?token=[A-Za-z0-9_-]{43}\n/);

    const token = latestSetPasswordToken('nadia@example.org');
    const [link] = getDb().select().from(passwordTokens).where(eq(passwordTokens.userId, user.id)).all();
    expect(link!.tokenHash).toBe(hashPasswordToken(token));
    expect(link!.tokenHash).not.toContain(token);
    expect(link!.expiresAt.getTime() - started).toBeGreaterThanOrEqual(72 * 3600 * 1000 - 1000);
    expect(link!.expiresAt.getTime() - started).toBeLessThanOrEqual(72 * 3600 * 1000 + 5000);
    expect(auditActions(user.id)).toEqual(['user.invite']);

    expect((await authenticateStaff({ email: 'nadia@example.org', password: TEST_PASSWORD, ip: IP })).ok).toBe(false);
    expect(listStaff({ actor: admin }).find((row) => row.id === user.id)?.invite).toMatchObject({ isExpired: false });
  });

  it('lets the invitee choose a password with the link once, then sign in with it', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    await inviteStaff({ actor: admin, input: { name: 'Nadia Okafor', email: 'nadia@example.org', role: 'editor' } });
    const token = latestSetPasswordToken('nadia@example.org');
    expect(isPasswordLinkOpen(token)).toBe(true);

    expect(await setPasswordWithToken({ token, password: NEW_PASSWORD })).toEqual({ ok: true });
    const signedIn = await authenticateStaff({ email: 'nadia@example.org', password: NEW_PASSWORD, ip: IP });
    expect(signedIn).toMatchObject({ ok: true, user: { role: 'editor', name: 'Nadia Okafor' } });

    expect(isPasswordLinkOpen(token)).toBe(false);
    expect(await setPasswordWithToken({ token, password: 'someone else again' })).toEqual({ ok: false, error: INVALID_LINK_MESSAGE });
    expect((await authenticateStaff({ email: 'nadia@example.org', password: NEW_PASSWORD, ip: IP })).ok).toBe(true);
    const user = userByEmail('nadia@example.org')!;
    expect(listStaff({ actor: admin }).find((row) => row.id === user.id)?.invite).toBeNull();
    expect(auditActions(user.id)).toEqual(['user.invite', 'user.set-password']);
  });

  it('refuses an expired link with the same message as an unknown one, and keeps the password unchanged', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-04-01T09:00:00Z'));
    const admin = await createTestStaff({ role: 'admin' });
    await inviteStaff({ actor: admin, input: { name: 'Late Comer', email: 'late@example.org', role: 'author' } });
    const token = latestSetPasswordToken('late@example.org');
    const hashBefore = userByEmail('late@example.org')!.passwordHash;

    vi.setSystemTime(new Date('2025-04-04T09:00:01Z'));
    expect(await setPasswordWithToken({ token, password: NEW_PASSWORD })).toEqual({ ok: false, error: INVALID_LINK_MESSAGE });
    expect(await setPasswordWithToken({ token: 'x'.repeat(43), password: NEW_PASSWORD })).toEqual({ ok: false, error: INVALID_LINK_MESSAGE });
    expect(await setPasswordWithToken({ token: 'not a token', password: NEW_PASSWORD })).toEqual({ ok: false, error: INVALID_LINK_MESSAGE });
    expect(userByEmail('late@example.org')!.passwordHash).toBe(hashBefore);
    expect(listStaff({ actor: admin }).find((row) => row.email === 'late@example.org')?.invite).toMatchObject({ isExpired: true });
  });

  it('holds a short password to the house rule without using the link up', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    await inviteStaff({ actor: admin, input: { name: 'Nadia Okafor', email: 'nadia@example.org', role: 'author' } });
    const token = latestSetPasswordToken('nadia@example.org');
    expect(await setPasswordWithToken({ token, password: 'short' })).toEqual({
      ok: false,
      error: 'Use at least 10 characters for the password.',
      fieldErrors: { password: 'Use at least 10 characters for the password.' },
    });
    expect(await setPasswordWithToken({ token, password: NEW_PASSWORD })).toEqual({ ok: true });
  });

  it('inviting a pending invitee again sends a new link and the old one stops working', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    await inviteStaff({ actor: admin, input: { name: 'Nadia Okafor', email: 'nadia@example.org', role: 'author' } });
    const first = latestSetPasswordToken('nadia@example.org');
    const again = await inviteStaff({ actor: admin, input: { name: 'Nadia Okafor-Mensah', email: 'nadia@example.org', role: 'editor' } });
    expect(again).toMatchObject({ ok: true, isReinvite: true });
    const second = latestSetPasswordToken('nadia@example.org');
    expect(second).not.toBe(first);
    expect(mailTo('nadia@example.org')).toHaveLength(2);
    expect(getDb().select({ value: count() }).from(users).where(eq(users.email, 'nadia@example.org')).get()?.value).toBe(1);
    expect(userByEmail('nadia@example.org')).toMatchObject({ name: 'Nadia Okafor-Mensah', role: 'editor' });

    expect(await setPasswordWithToken({ token: first, password: NEW_PASSWORD })).toEqual({ ok: false, error: INVALID_LINK_MESSAGE });
    expect(await setPasswordWithToken({ token: second, password: NEW_PASSWORD })).toEqual({ ok: true });
  });

  it('refuses an email an active account already uses, as a field error, and writes nothing', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    await createTestStaff({ role: 'author', email: 'taken@example.org' });
    const result = await inviteStaff({ actor: admin, input: { name: 'Someone', email: 'TAKEN@example.org', role: 'admin' } });
    expect(result).toEqual({
      ok: false,
      error: 'Someone on the staff already signs in with that email address.',
      fieldErrors: { email: 'Someone on the staff already signs in with that email address.' },
    });
    expect(userByEmail('taken@example.org')).toMatchObject({ role: 'author' });
    expect(mailTo('taken@example.org')).toEqual([]);
  });

  it('names each wrong field', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const result = await inviteStaff({ actor: admin, input: { name: '', email: 'nope', role: 'owner' } });
    expect(result).toEqual({
      ok: false,
      error: 'Please correct the highlighted fields.',
      fieldErrors: { name: 'Enter a name.', email: 'Enter a valid email address.', role: 'Choose a role: author, editor or admin.' },
    });
  });

  it('is for admins only', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    await expect(inviteStaff({ actor: editor, input: { name: 'N', email: 'n@example.org', role: 'admin' } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(userByEmail('n@example.org')).toBeUndefined();
  });
});

describe('set-password links for existing staff', () => {
  it('emails an active member a reset link; the old password works until the link is used', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const author = await createTestStaff({ role: 'author', email: 'writer@example.org' });
    expect(sendSetPasswordLink({ actor: admin, userId: author.id })).toMatchObject({ ok: true, purpose: 'reset' });
    expect(mailTo('writer@example.org')[0]).toMatchObject({ kind: 'staff.password-reset' });
    expect((await authenticateStaff({ email: 'writer@example.org', password: TEST_PASSWORD, ip: IP })).ok).toBe(true);

    expect(await setPasswordWithToken({ token: latestSetPasswordToken('writer@example.org'), password: NEW_PASSWORD })).toEqual({ ok: true });
    expect((await authenticateStaff({ email: 'writer@example.org', password: TEST_PASSWORD, ip: IP })).ok).toBe(false);
    expect((await authenticateStaff({ email: 'writer@example.org', password: NEW_PASSWORD, ip: IP })).ok).toBe(true);
    expect(auditActions(author.id)).toEqual(['user.password-link', 'user.set-password']);
  });

  it('resending to a pending invitee is a new invitation', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const invited = await inviteStaff({ actor: admin, input: { name: 'Nadia Okafor', email: 'nadia@example.org', role: 'author' } });
    if (!invited.ok) throw new Error(invited.error);
    expect(sendSetPasswordLink({ actor: admin, userId: invited.userId })).toMatchObject({ ok: true, purpose: 'invite' });
    expect(mailTo('nadia@example.org').map((message) => message.kind)).toEqual(['staff.invite', 'staff.invite']);
  });

  it('refuses a disabled account and an unknown one', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const author = await createTestStaff({ role: 'author' });
    setActive({ actor: admin, userId: author.id, isActive: false });
    expect(sendSetPasswordLink({ actor: admin, userId: author.id })).toMatchObject({ ok: false, error: expect.stringContaining('disabled') });
    expect(() => sendSetPasswordLink({ actor: admin, userId: 9999 })).toThrow(NotFoundError);
  });
});

describe('changing roles', () => {
  it('an admin changes a role; it applies on the member’s next request and is audited', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const author = await createTestStaff({ role: 'author' });
    session.userId = author.id;
    expect((await getCurrentStaff())?.role).toBe('author');

    expect(changeRole({ actor: admin, userId: author.id, role: 'editor' })).toEqual({ ok: true, changed: true });
    expect((await getCurrentStaff())?.role).toBe('editor');
    const [entry] = getDb().select().from(auditLog).where(eq(auditLog.action, 'user.role')).all();
    expect(entry).toMatchObject({ actorId: admin.id, subjectId: author.id, data: { from: 'author', to: 'editor' } });
  });

  it('an admin cannot change their own role', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    await createTestStaff({ role: 'admin' });
    expect(changeRole({ actor: admin, userId: admin.id, role: 'author' })).toMatchObject({ ok: false, error: expect.stringContaining('your own role') });
    expect(userByEmail(admin.email)?.role).toBe('admin');
  });

  it('the last active admin cannot be demoted, even by an admin whose own account was just disabled', async () => {
    const staleAdmin = await createTestStaff({ role: 'admin' });
    const lastAdmin = await createTestStaff({ role: 'admin' });
    getDb().update(users).set({ isActive: false }).where(eq(users.id, staleAdmin.id)).run();
    const result = changeRole({ actor: staleAdmin, userId: lastAdmin.id, role: 'editor' });
    expect(result).toEqual({ ok: false, error: `${lastAdmin.name} is the last active administrator; make someone else an administrator first.` });
    expect(userByEmail(lastAdmin.email)?.role).toBe('admin');
  });

  it('refuses an unknown role, an unknown account and a non-admin', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const editor = await createTestStaff({ role: 'editor' });
    expect(changeRole({ actor: admin, userId: editor.id, role: 'owner' })).toMatchObject({ ok: false, fieldErrors: { role: expect.any(String) } });
    expect(() => changeRole({ actor: admin, userId: 9999, role: 'author' })).toThrow(NotFoundError);
    expect(() => changeRole({ actor: editor, userId: editor.id, role: 'admin' })).toThrow(ForbiddenError);
    expect(userByEmail(editor.email)?.role).toBe('editor');
  });
});

describe('disabling and enabling accounts', () => {
  it('disabling ends the member’s session at once and refuses their sign-in; enabling restores sign-in but not the old session', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const author = await createTestStaff({ role: 'author', email: 'leaver@example.org' });
    session.userId = author.id;
    session.signedInAt = Date.now() - 1_000;
    expect(await getCurrentStaff()).toMatchObject({ id: author.id });

    expect(setActive({ actor: admin, userId: author.id, isActive: false })).toEqual({ ok: true, changed: true });
    expect(await getCurrentStaff()).toBeNull();
    expect(await authenticateStaff({ email: 'leaver@example.org', password: TEST_PASSWORD, ip: IP })).toEqual({ ok: false, reason: 'invalid' });
    expect(listStaff({ actor: admin }).find((row) => row.id === author.id)?.isActive).toBe(false);

    expect(setActive({ actor: admin, userId: author.id, isActive: true })).toEqual({ ok: true, changed: true });
    // The cookie from before the account was disabled stays dead; signing in again makes a new session.
    expect(await getCurrentStaff()).toBeNull();
    expect(await authenticateStaff({ email: 'leaver@example.org', password: TEST_PASSWORD, ip: IP })).toMatchObject({ ok: true });
    session.signedInAt = Date.now() + 1;
    expect(await getCurrentStaff()).toMatchObject({ id: author.id });
    expect(auditActions(author.id)).toEqual(['user.disable', 'user.enable']);
  });

  it('disabling an invitee ends their open link', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const invited = await inviteStaff({ actor: admin, input: { name: 'Nadia Okafor', email: 'nadia@example.org', role: 'author' } });
    if (!invited.ok) throw new Error(invited.error);
    const token = latestSetPasswordToken('nadia@example.org');
    setActive({ actor: admin, userId: invited.userId, isActive: false });
    setActive({ actor: admin, userId: invited.userId, isActive: true });
    expect(await setPasswordWithToken({ token, password: NEW_PASSWORD })).toEqual({ ok: false, error: INVALID_LINK_MESSAGE });
  });

  it('an admin cannot disable themselves, nor the last active admin', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    expect(setActive({ actor: admin, userId: admin.id, isActive: false })).toMatchObject({ ok: false, error: expect.stringContaining('your own account') });
    const other = await createTestStaff({ role: 'admin' });
    getDb().update(users).set({ isActive: false }).where(eq(users.id, admin.id)).run();
    expect(setActive({ actor: admin, userId: other.id, isActive: false })).toMatchObject({ ok: false, error: expect.stringContaining('last active administrator') });
    expect(userByEmail(other.email)?.isActive).toBe(true);
  });

  it('is for admins only, and asking twice changes nothing more', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    expect(() => setActive({ actor: editor, userId: author.id, isActive: false })).toThrow(ForbiddenError);
    expect(setActive({ actor: admin, userId: author.id, isActive: false })).toEqual({ ok: true, changed: true });
    expect(setActive({ actor: admin, userId: author.id, isActive: false })).toEqual({ ok: true, changed: false });
    expect(auditActions(author.id)).toEqual(['user.disable']);
  });
});

describe('guest contributors', () => {
  it('an editor adds a guest byline with no account, and edits it', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const created = createContributor({ actor: editor, input: { name: 'Sergei Ivanov', slug: '', bio: 'A visiting fellow.' } });
    expect(created).toMatchObject({ ok: true, slug: 'sergei-ivanov' });
    if (!created.ok) return;
    expect(listGuestContributors({ actor: editor })).toMatchObject([{ id: created.id, name: 'Sergei Ivanov', slug: 'sergei-ivanov', bio: 'A visiting fellow.', articleCount: 0, isPending: false, addedByName: editor.name }]);

    expect(updateContributor({ actor: editor, id: created.id, input: { name: 'Sergei A. Ivanov', slug: 'sergei-a-ivanov', bio: '' } })).toEqual({ ok: true, slug: 'sergei-a-ivanov' });
    expect(getDb().select().from(contributors).where(eq(contributors.id, created.id)).get()).toMatchObject({ name: 'Sergei A. Ivanov', slug: 'sergei-a-ivanov', bio: '', userId: null });
    const entries = getDb().select().from(auditLog).where(eq(auditLog.subjectType, 'contributor')).all();
    expect(entries.map((entry) => entry.action)).toEqual(['contributor.create', 'contributor.update']);
    expect(entries[1]!.data).toEqual({ name: { from: 'Sergei Ivanov', to: 'Sergei A. Ivanov' }, slug: { from: 'sergei-ivanov', to: 'sergei-a-ivanov' }, bio: { from: 'A visiting fellow.', to: '' } });
  });

  it('refuses a slug another contributor has, staff bylines included', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const staffSlug = getDb().select().from(contributors).where(eq(contributors.userId, admin.id)).get()!.slug;
    const result = createContributor({ actor: admin, input: { name: 'Copycat', slug: staffSlug } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { slug: 'Another contributor already has that slug; choose another.' } });
    const sameName = createContributor({ actor: admin, input: { name: admin.name } });
    expect(sameName).toMatchObject({ ok: true, slug: expect.stringMatching(/-2$/) });
  });

  it('leaves staff bylines to the staff page, and keeps authors out', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    expect(() => updateContributor({ actor: editor, id: author.contributorId, input: { name: 'Renamed' } })).toThrow(NotFoundError);
    expect(() => createContributor({ actor: author, input: { name: 'Guest' } })).toThrow(ForbiddenError);
    expect(() => listGuestContributors({ actor: author })).toThrow(ForbiddenError);
    expect(getDb().select({ value: count() }).from(contributors).get()?.value).toBe(2);
  });
});

describe('signing out', () => {
  afterEach(() => {
    session.sessionId = undefined;
  });

  it('ends that session and every copy of its cookie, while the account stays signed in elsewhere', async () => {
    const member = await createTestStaff({ role: 'editor' });
    session.userId = member.id;
    session.sessionId = 'laptop';
    expect(await getCurrentStaff()).toMatchObject({ id: member.id });
    endSession({ userId: member.id, sessionId: 'laptop', expiresAt: Date.now() + 60_000 });
    expect(await getCurrentStaff()).toBeNull();
    session.sessionId = 'phone';
    expect(await getCurrentStaff()).toMatchObject({ id: member.id });
  });

  it('forgets ended sessions once their cookies would have expired anyway', async () => {
    const member = await createTestStaff({ role: 'editor' });
    const now = Date.now();
    endSession({ userId: member.id, sessionId: 'old', expiresAt: now - 1 }, now - 60_000);
    endSession({ userId: member.id, sessionId: 'new', expiresAt: now + 60_000 }, now);
    expect(getDb().select({ sessionId: endedStaffSessions.sessionId }).from(endedStaffSessions).all()).toEqual([{ sessionId: 'new' }]);
  });

  it('a new password ends every session the account signed in before, so a copied cookie stops working', async () => {
    const member = await createTestStaff({ role: 'editor' });
    session.userId = member.id;
    session.sessionId = 'laptop';
    expect(await getCurrentStaff()).toMatchObject({ id: member.id });
    endSessionsOf(member.id, Date.now() + 1);
    expect(await getCurrentStaff()).toBeNull();
  });

  it('counts a session signed in after the cut-off', async () => {
    const member = await createTestStaff({ role: 'author' });
    endSessionsOf(member.id, Date.now() - 60_000);
    session.userId = member.id;
    expect(await getCurrentStaff()).toMatchObject({ id: member.id });
  });
});
