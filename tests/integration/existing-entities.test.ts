import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { mergeEntities } from '@/lib/entities/merge-entities';
import { createTestEntity } from '../factories/entity';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

const signedIn = vi.hoisted(() => ({ staff: null as StaffIdentity | null }));
vi.mock('@/lib/staff/auth/current-staff', () => ({
  getCurrentStaff: async () => signedIn.staff,
  requireStaff: async () => {
    if (!signedIn.staff) throw new Error('not signed in');
    return signedIn.staff;
  },
}));

withTempDatabase();

beforeEach(() => {
  signedIn.staff = null;
});

function ask(body: unknown) {
  return import('@/app/api/desk/entities/existing/route').then(({ POST }) =>
    POST(new Request('http://test/api/desk/entities/existing', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })),
  );
}

describe('POST /api/desk/entities/existing, asked before a paste keeps its tagged mentions', () => {
  it('answers the ids of entities that exist and of entities merged into another, and leaves out the rest', async () => {
    signedIn.staff = await createTestStaff({ role: 'author' });
    const kept = createTestEntity({ kind: 'country', name: 'Ruritania' });
    const merged = createTestEntity({ kind: 'country', name: 'Ruritanian Republic' });
    const editor = await createTestStaff({ role: 'editor' });
    expect(mergeEntities({ actor: editor, sourceId: merged.id, targetId: kept.id })).toMatchObject({ ok: true });

    const response = await ask({ ids: [999999, kept.id, merged.id, kept.id] });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, ids: [kept.id, merged.id] });
  });

  it('refuses anyone not signed in, saying why', async () => {
    createTestEntity({ kind: 'country', name: 'Ruritania' });
    const response = await ask({ ids: [1] });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error: 'Your session has ended. Sign in again; your changes are kept on this device.' });
  });

  it('refuses ids that are not whole numbers, saying what it expects', async () => {
    signedIn.staff = await createTestStaff({ role: 'author' });
    const response = await ask({ ids: ['7'] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/number/i);
  });
});
