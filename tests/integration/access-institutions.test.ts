import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, institutionDomains, institutionIpRanges, institutions, institutionUsage } from '@/db/schema';
import { deleteInstitution } from '@/lib/access/institutions/delete-institution';
import { institutionUsageCsv } from '@/lib/access/institutions/institution-usage';
import { listInstitutions } from '@/lib/access/institutions/list-institutions';
import { saveInstitution } from '@/lib/access/institutions/save-institution';
import type { InstitutionInput } from '@/lib/access/institutions/institution-input-schema';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const base: InstitutionInput = { name: 'Harbour Library', tierId: '', seats: '25', startsOn: '2026-01-01', endsOn: '2026-12-31', contactEmail: 'Librarian@Harbour.example.edu', ipRanges: '192.0.2.0/24\n2001:db8::/48', domains: '@Harbour.example.edu', note: '' };
const save = async (input: Partial<InstitutionInput>, id?: number) => {
  const admin = await createTestStaff({ role: 'admin' });
  return saveInstitution({ actor: admin, id, input: { ...base, ...input }, timeZone: 'UTC' });
};

describe('institutions', () => {
  it('saves an institution with its normalized ranges, lower-cased domains, dates and an audit entry', async () => {
    const result = await save({});
    expect(result).toMatchObject({ ok: true, name: 'Harbour Library' });
    expect(listInstitutions()).toEqual([
      expect.objectContaining({ name: 'Harbour Library', slug: 'harbour-library', tierId: null, seats: 25, contactEmail: 'librarian@harbour.example.edu', startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: new Date('2027-01-01T00:00:00Z'), ranges: ['192.0.2.0/24', '2001:db8::/48'], domains: ['harbour.example.edu'] }),
    ]);
    expect(getDb().select().from(institutionIpRanges).where(eq(institutionIpRanges.family, 4)).get()).toMatchObject({ first: 'c0000200', last: 'c00002ff' });
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'institution.create')).get()).toBeDefined();
  });

  it('refuses a malformed range and one overlapping another institution’s, naming it, and saves nothing', async () => {
    await save({});
    const result = await save({ name: 'Sound University', ipRanges: '10.0.0.0/33\n192.0.2.128/25\n198.51.100.0/24', domains: 'harbour.example.edu\nnot a domain' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.ipRanges).toContain('Line 1: "10.0.0.0/33"');
    expect(result.fieldErrors?.ipRanges).toContain('Line 2: 192.0.2.128/25 overlaps 192.0.2.0/24 of Harbour Library');
    expect(result.fieldErrors?.domains).toContain('harbour.example.edu already belongs to Harbour Library');
    expect(result.fieldErrors?.domains).toContain('"not a domain" is not an email domain');
    expect(getDb().select().from(institutions).all()).toHaveLength(1);
    expect(getDb().select().from(institutionIpRanges).all()).toHaveLength(2);
  });

  it('refuses ranges overlapping each other in one list, and lets an institution keep its own ranges when edited', async () => {
    expect(await save({ ipRanges: '192.0.2.0/24\n192.0.2.7' })).toMatchObject({ ok: false, fieldErrors: { ipRanges: expect.stringContaining('overlaps 192.0.2.0/24, above in this list') } });
    const created = await save({});
    if (!created.ok) throw new Error(created.error);
    expect(await save({ name: 'Harbour City Library', ipRanges: '192.0.2.0/24', domains: 'harbour.example.edu\nmail.harbour.example.edu' }, created.id)).toMatchObject({ ok: true });
    expect(listInstitutions()[0]).toMatchObject({ name: 'Harbour City Library', ranges: ['192.0.2.0/24'], domains: ['harbour.example.edu', 'mail.harbour.example.edu'] });
  });

  it('gives the librarian the usage per month as CSV, and deletes the institution with its rules', async () => {
    const created = await save({});
    if (!created.ok) throw new Error(created.error);
    getDb().insert(institutionUsage).values([{ institutionId: created.id, month: '2026-03', views: 41 }, { institutionId: created.id, month: '2026-02', views: 7 }]).run();
    expect(institutionUsageCsv(created.id)).toBe('month,views\n2026-02,7\n2026-03,41\n');
    const admin = await createTestStaff({ role: 'admin' });
    expect(deleteInstitution({ actor: admin, id: created.id })).toMatchObject({ ok: true });
    expect(getDb().select().from(institutionDomains).all()).toHaveLength(0);
    expect(getDb().select().from(institutionUsage).all()).toHaveLength(0);
  });
});
