import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, institutionDomains, institutions, memberships, membershipTiers, subscribers } from '@/db/schema';
import { cancelMembership, extendMembership } from '@/lib/access/members/change-membership';
import { countMembersByMonth } from '@/lib/access/members/count-members-by-month';
import { exportMembersCsv } from '@/lib/access/members/export-members-csv';
import { grantMembership } from '@/lib/access/members/grant-membership';
import { listMembers } from '@/lib/access/members/list-members';
import { createTestStaff } from '../factories/staff';
import { createTestSubscriber } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const NOW = new Date('2026-06-15T12:00:00Z');
const tier = (name: string) => getDb().insert(membershipTiers).values({ name, slug: name.toLowerCase() }).returning({ id: membershipTiers.id }).get().id;
const grant = async (email: string, tierId: number, endsOn = '2026-12-31') => {
  const admin = await createTestStaff({ role: 'admin' });
  return { admin, result: grantMembership({ actor: admin, input: { email, name: '', tierId, endsOn, note: '' }, timeZone: 'Europe/Vienna', now: NOW }) };
};

describe('granting memberships', () => {
  it('creates a reader account that gets no mail, a complimentary membership until the end of the day in the site zone, and an audit entry', async () => {
    const tierId = tier('Supporter');
    const { admin, result } = await grant(' New.Reader@Example.org ', tierId);
    expect(result).toMatchObject({ ok: true, email: 'new.reader@example.org', isNewReader: true });
    const reader = getDb().select().from(subscribers).where(eq(subscribers.email, 'new.reader@example.org')).get()!;
    expect(reader).toMatchObject({ status: 'unsubscribed', wantsIssueEmail: false });
    const membership = getDb().select().from(memberships).get()!;
    expect(membership).toMatchObject({ subscriberId: reader.id, tierId, source: 'complimentary', status: 'active', startsAt: NOW, endsAt: new Date('2026-12-31T23:00:00Z'), createdBy: admin.id });
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'membership.grant')).get()).toMatchObject({ actorId: admin.id, subjectId: membership.id });
  });

  it('uses the existing reader, and refuses a second active membership of the same tier or a past end date', async () => {
    const tierId = tier('Supporter');
    const reader = createTestSubscriber({ email: 'known@example.org' });
    expect((await grant('known@example.org', tierId)).result).toMatchObject({ ok: true, isNewReader: false });
    expect(getDb().select().from(subscribers).all()).toHaveLength(1);
    expect(getDb().select().from(memberships).get()?.subscriberId).toBe(reader.id);
    expect((await grant('known@example.org', tierId)).result).toMatchObject({ ok: false, error: expect.stringContaining('extend that one instead') });
    expect((await grant('other@example.org', tierId, '2026-06-01')).result).toMatchObject({ ok: false, fieldErrors: { endsOn: expect.stringContaining('after today') } });
    expect(getDb().select().from(memberships).all()).toHaveLength(1);
  });

  it('extends and cancels, ending access at once, and leaves paid memberships to the provider', async () => {
    const tierId = tier('Supporter');
    const { admin, result } = await grant('member@example.org', tierId);
    if (!result.ok) throw new Error(result.error);
    expect(extendMembership({ actor: admin, id: result.id, endsOn: '2027-06-30', timeZone: 'UTC', now: NOW })).toMatchObject({ ok: true });
    expect(getDb().select().from(memberships).get()?.endsAt).toEqual(new Date('2027-07-01T00:00:00Z'));
    expect(cancelMembership({ actor: admin, id: result.id, now: NOW })).toMatchObject({ ok: true });
    expect(getDb().select().from(memberships).get()).toMatchObject({ status: 'canceled', endsAt: NOW });
    const paid = getDb().insert(memberships).values({ subscriberId: createTestSubscriber().id, tierId, source: 'payment', startsAt: NOW }).returning({ id: memberships.id }).get().id;
    expect(cancelMembership({ actor: admin, id: paid, now: NOW })).toMatchObject({ ok: false, error: expect.stringContaining('payment provider') });
    expect(getDb().select().from(memberships).where(eq(memberships.id, paid)).get()?.status).toBe('active');
  });
});

describe('the members list', () => {
  it('searches by email and name and filters by tier, status, source and institution', async () => {
    const supporter = tier('Supporter');
    const patron = tier('Patron');
    await grant('ana@library.example.edu', supporter);
    await grant('bo@example.org', patron);
    getDb().insert(memberships).values({ subscriberId: createTestSubscriber({ email: 'old@example.org' }).id, tierId: supporter, source: 'import', startsAt: new Date('2025-01-01'), endsAt: new Date('2026-01-01') }).run();
    getDb().update(subscribers).set({ name: 'Bo Lind' }).where(eq(subscribers.email, 'bo@example.org')).run();
    const institutionId = getDb().insert(institutions).values({ name: 'Library', slug: 'library', startsAt: NOW }).returning({ id: institutions.id }).get().id;
    getDb().insert(institutionDomains).values({ institutionId, domain: 'library.example.edu' }).run();
    const emails = (filters: Parameters<typeof listMembers>[0]) => listMembers({ ...filters, now: NOW }).rows.map((row) => row.email).sort();
    expect(emails({ filters: { query: 'LIND' } })).toEqual(['bo@example.org']);
    expect(emails({ filters: { query: 'ana@' } })).toEqual(['ana@library.example.edu']);
    expect(emails({ filters: { tierId: supporter } })).toEqual(['ana@library.example.edu', 'old@example.org']);
    expect(emails({ filters: { status: 'expired' } })).toEqual(['old@example.org']);
    expect(emails({ filters: { source: 'import' } })).toEqual(['old@example.org']);
    expect(emails({ filters: { institutionId } })).toEqual(['ana@library.example.edu']);
    expect(listMembers({ now: NOW })).toMatchObject({ total: 3, page: 1, pageCount: 1 });
  });

  it('exports the filtered memberships as CSV', async () => {
    const supporter = tier('Supporter');
    await grant('ana@example.org', supporter);
    await grant('bo@example.org', tier('Patron'));
    const text = await new Response(exportMembersCsv({ filters: { tierId: supporter }, now: NOW })).text();
    expect(text).toBe(`email,name,tier,source,status,starts_at,ends_at,note\nana@example.org,,Supporter,complimentary,active,${NOW.toISOString()},2026-12-31T23:00:00.000Z,\n`);
  });

  it('counts members of each tier at the end of each month', () => {
    const supporter = tier('Supporter');
    const reader = createTestSubscriber().id;
    getDb().insert(memberships).values([
      { subscriberId: reader, tierId: supporter, source: 'import', startsAt: new Date('2026-03-10'), endsAt: new Date('2026-05-10') },
      { subscriberId: reader, tierId: supporter, source: 'import', startsAt: new Date('2026-04-10') },
    ]).run();
    const chart = countMembersByMonth({ months: 4, now: NOW });
    expect(chart.months).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
    expect(chart.tiers).toEqual([{ id: supporter, name: 'Supporter', counts: [1, 2, 1, 1] }]);
  });
});
