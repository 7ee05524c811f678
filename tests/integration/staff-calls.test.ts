import { desc } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { ConflictError, NotFoundError } from '@/lib/platform/errors/domain-errors';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { staffAction } from '@/lib/staff/actions/staff-action';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';
import { formText } from '@/lib/staff/actions/form-fields';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

const signedIn = vi.hoisted(() => ({ staff: null as StaffIdentity | null }));
vi.mock('@/lib/staff/auth/current-staff', () => ({ getCurrentStaff: async () => signedIn.staff }));

withTempDatabase();

beforeEach(() => {
  signedIn.staff = null;
});

const ran: string[] = [];

/** An editors' action that renames a section-like thing, audited by the wrapper. */
const renameAction = staffAction({
  name: 'thing.rename',
  permission: 'section.manage',
  input: z.object({ name: formText.pipe(z.string().trim().min(1, 'Give it a name.')), password: formText, outcome: formText }),
  returnTo: '/desk/things',
  audit: ({ staff, input }) => ({ actorId: staff.id, action: 'thing.rename', subjectType: 'thing', note: input.name }),
  run: ({ input }): { ok: true; message: string; redirectTo?: string } | { ok: false; error: string } => {
    ran.push(input.name);
    if (input.outcome === 'missing') throw new NotFoundError('That thing has been deleted.');
    if (input.outcome === 'crash') throw new Error('SQLITE_CORRUPT: secret detail');
    if (input.outcome === 'refuse') return { ok: false, error: 'That name is taken.' };
    if (input.outcome === 'go') return { ok: true, message: 'Renamed.', redirectTo: '/desk/things/1' };
    return { ok: true, message: `Renamed to ${input.name}.` };
  },
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

const lastAudit = () => getDb().select().from(auditLog).orderBy(desc(auditLog.id)).get();

/** Where a redirect thrown by `redirect()` points. */
async function redirectOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? '';
    throw error;
  }
  throw new Error('no redirect');
}

describe('staffAction', () => {
  it('sends a signed-out caller to sign in and back, running nothing', async () => {
    ran.length = 0;
    expect(await redirectOf(renameAction(null, form({ name: 'Arms' })))).toBe('/login?callbackUrl=%2Fdesk%2Fthings');
    expect(ran).toEqual([]);
  });

  it('refuses an author with the reason, keeping what was typed but never a password; an editor is let through', async () => {
    signedIn.staff = await createTestStaff({ role: 'author' });
    ran.length = 0;
    expect(await renameAction(null, form({ name: 'Arms', password: 'hunter2' }))).toEqual({ ok: false, error: 'You do not have permission to do that.', values: { name: 'Arms' } });
    expect(ran).toEqual([]);
    signedIn.staff = await createTestStaff({ role: 'editor' });
    expect(await renameAction(null, form({ name: 'Arms' }))).toEqual({ ok: true, message: 'Renamed to Arms.' });
    expect(ran).toEqual(['Arms']);
    expect(lastAudit()).toMatchObject({ actorId: signedIn.staff.id, action: 'thing.rename', note: 'Arms' });
  });

  it('answers invalid input field by field without running the handler', async () => {
    signedIn.staff = await createTestStaff({ role: 'editor' });
    ran.length = 0;
    expect(await renameAction(null, form({ name: '   ' }))).toEqual({ ok: false, error: 'Give it a name.', fieldErrors: { name: 'Give it a name.' }, values: { name: '   ' } });
    expect(ran).toEqual([]);
  });

  it('turns domain errors into their sentence and anything else into a plain one, auditing nothing', async () => {
    signedIn.staff = await createTestStaff({ role: 'admin' });
    const before = lastAudit()?.id ?? 0;
    expect(await renameAction({ name: 'A', password: '', outcome: 'missing' })).toEqual({ ok: false, error: 'That thing has been deleted.' });
    const crashed = await renameAction({ name: 'A', password: '', outcome: 'crash' });
    expect(crashed).toEqual({ ok: false, error: 'Something went wrong on the server; nothing was changed. Try again in a moment.' });
    expect(JSON.stringify(crashed)).not.toContain('SQLITE');
    expect(await renameAction(null, form({ name: 'A', outcome: 'refuse' }))).toEqual({ ok: false, error: 'That name is taken.', values: { name: 'A', outcome: 'refuse' } });
    expect(lastAudit()?.id ?? 0).toBe(before);
  });

  it('audits before following the handler’s redirect', async () => {
    signedIn.staff = await createTestStaff({ role: 'editor' });
    expect(await redirectOf(renameAction({ name: 'Going', password: '', outcome: 'go' }))).toBe('/desk/things/1');
    expect(lastAudit()).toMatchObject({ action: 'thing.rename', note: 'Going' });
  });
});

const thingEndpoint = staffEndpoint({
  name: 'thing.update',
  permission: 'issue.manage',
  params: z.object({ id: idParam }),
  input: { body: z.object({ title: z.string({ error: 'Send a title.' }).min(1, 'Send a title.') }), maxBytes: 1024 },
  audit: 'in-domain',
  run: ({ params, input }) => {
    if (params.id === 7) throw new ForbiddenError('Only its owner may change it.');
    if (params.id === 8) throw new ConflictError('Someone changed it first; reload to see their version.');
    return jsonAnswer({ ok: true, id: params.id, title: input.title });
  },
});

const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  thingEndpoint(new Request(`http://localhost/api/desk/things/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }), {
    params: Promise.resolve({ id }),
  });

const answer = async (response: Response) => ({ status: response.status, body: await response.json(), cache: response.headers.get('cache-control') });

describe('staffEndpoint', () => {
  it('refuses another site, a signed-out caller and a role that may not, each with its reason', async () => {
    signedIn.staff = await createTestStaff({ role: 'editor' });
    expect(await answer(await put('1', { title: 'A' }, { Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' }))).toMatchObject({ status: 403, body: { error: 'This request came from another site and was refused.' } });
    signedIn.staff = null;
    expect(await answer(await put('1', { title: 'A' }))).toMatchObject({ status: 401, body: { error: 'Your session has ended. Sign in again; your changes are kept on this device.' } });
    signedIn.staff = await createTestStaff({ role: 'author' });
    expect(await answer(await put('1', { title: 'A' }))).toMatchObject({ status: 403, body: { error: 'You do not have permission to do that.' } });
  });

  it('lets an editor through, never cached', async () => {
    signedIn.staff = await createTestStaff({ role: 'editor' });
    expect(await answer(await put('3', { title: 'Third' }))).toEqual({ status: 200, body: { ok: true, id: 3, title: 'Third' }, cache: 'no-store' });
  });

  it('answers a malformed request 400, an address that fits nothing 404, and domain errors with their status', async () => {
    signedIn.staff = await createTestStaff({ role: 'editor' });
    expect(await answer(await put('3', 'not json'))).toMatchObject({ status: 400, body: { error: 'The request was not valid JSON.' } });
    expect(await answer(await put('3', { title: '' }))).toMatchObject({ status: 400, body: { error: 'Send a title.', fieldErrors: { title: 'Send a title.' } } });
    expect(await answer(await put('3', { title: 'x'.repeat(2000) }))).toMatchObject({ status: 413 });
    expect(await answer(await put('abc', { title: 'A' }))).toMatchObject({ status: 404, body: { error: 'That does not exist, or it has been deleted.' } });
    expect(await answer(await put('7', { title: 'A' }))).toMatchObject({ status: 403, body: { error: 'Only its owner may change it.' } });
    expect(await answer(await put('8', { title: 'A' }))).toMatchObject({ status: 409, body: { error: 'Someone changed it first; reload to see their version.' } });
  });
});
