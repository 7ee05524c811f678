import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, memberships, membershipTiers } from '@/db/schema';
import { deleteTier } from '@/lib/access/tiers/delete-tier';
import { listTiers } from '@/lib/access/tiers/list-tiers';
import { saveTier } from '@/lib/access/tiers/save-tier';
import { setTierActive } from '@/lib/access/tiers/set-tier-active';
import { createTestStaff } from '../factories/staff';
import { createTestSubscriber } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const fields = { name: 'Supporter', slug: '', description: 'For regular readers.', monthlyPrice: '8', yearlyPrice: '1,080.50', currency: 'EUR', benefits: 'The archive\n\n  Every feature  \n' };

describe('membership tiers', () => {
  it('creates a tier with prices in cents, a slug from its name, benefits one a line, and an audit entry', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const result = saveTier({ actor: admin, input: fields });
    expect(result).toMatchObject({ ok: true, name: 'Supporter' });
    const row = getDb().select().from(membershipTiers).get()!;
    expect(row).toMatchObject({ slug: 'supporter', monthlyPriceCents: 800, yearlyPriceCents: 108050, currency: 'eur', benefits: ['The archive', 'Every feature'], isActive: true });
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'tier.create')).get()).toMatchObject({ actorId: admin.id, subjectId: row.id });
  });

  it('refuses a malformed price, an unknown currency and a taken slug, saving nothing', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const bad = saveTier({ actor: admin, input: { ...fields, monthlyPrice: '8.999', yearlyPrice: '-3', currency: 'XYZ' } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['currency', 'monthlyPrice', 'yearlyPrice']);
    expect(getDb().select().from(membershipTiers).all()).toHaveLength(0);
    saveTier({ actor: admin, input: fields });
    expect(saveTier({ actor: admin, input: { ...fields, name: 'Other', slug: 'supporter' } })).toMatchObject({ ok: false, fieldErrors: { slug: expect.stringContaining('already has') } });
  });

  it('edits and deactivates a tier, and refuses to delete one that a membership uses', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const created = saveTier({ actor: admin, input: fields });
    if (!created.ok) throw new Error(created.error);
    expect(saveTier({ actor: admin, id: created.id, input: { ...fields, name: 'Sustainer', yearlyPrice: '' } })).toMatchObject({ ok: true });
    expect(listTiers()[0]).toMatchObject({ name: 'Sustainer', yearlyPriceCents: null, membershipCount: 0 });
    const reader = createTestSubscriber();
    getDb().insert(memberships).values({ subscriberId: reader.id, tierId: created.id, source: 'complimentary', startsAt: new Date() }).run();
    const refused = deleteTier({ actor: admin, id: created.id });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('1 membership uses it. Deactivate it instead') });
    expect(getDb().select().from(membershipTiers).all()).toHaveLength(1);
    expect(setTierActive({ actor: admin, id: created.id, isActive: false })).toMatchObject({ ok: true });
    expect(getDb().select().from(membershipTiers).get()?.isActive).toBe(false);
  });

  it('deletes a tier nobody holds', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const created = saveTier({ actor: admin, input: fields });
    if (!created.ok) throw new Error(created.error);
    expect(deleteTier({ actor: admin, id: created.id })).toMatchObject({ ok: true });
    expect(getDb().select().from(membershipTiers).all()).toHaveLength(0);
  });

  it('refuses an editor', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    expect(() => saveTier({ actor: editor, input: fields })).toThrow('permission');
  });
});
