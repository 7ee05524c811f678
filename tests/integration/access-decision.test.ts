import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { institutionUsage, memberships } from '@/db/schema';
import type { ArticleAccessRule } from '@/lib/access/article-access-rule';
import { decideArticleAccess } from '@/lib/access/decide-article-access';
import { institutionAddress } from '@/lib/access/institution-address';
import { publishedAccessRule } from '@/lib/access/published-access-rule';
import { takeInstitutionSeat } from '@/lib/access/institution-seats';
import { recordInstitutionView } from '@/lib/access/record-institution-view';
import { createTestInstitution, createTestMembership, createTestTier } from '../factories/access';
import { createTestArticle, createTestIssue } from '../factories/article';
import { createTestSubscriber } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const NOW = new Date('2026-03-15T12:00:00Z');
const members: ArticleAccessRule = { access: 'members', tierIds: [], freeFromMonth: null };
const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('decideArticleAccess', () => {
  it('lets everyone read a public article', () => {
    expect(decideArticleAccess({ rule: { access: 'public', tierIds: [], freeFromMonth: null }, reader: null, address: null, now: NOW })).toMatchObject({ isAllowed: true, reason: 'public' });
  });

  it('lets any signed-in reader read a registered article and asks a signed-out one to sign in', () => {
    const reader = createTestSubscriber();
    const rule: ArticleAccessRule = { access: 'registered', tierIds: [], freeFromMonth: null };
    expect(decideArticleAccess({ rule, reader, address: null, now: NOW })).toMatchObject({ isAllowed: true, reason: 'signed-in' });
    expect(decideArticleAccess({ rule, reader: null, address: null, now: NOW })).toMatchObject({ isAllowed: false, reason: 'sign-in-needed' });
  });

  it('lets an active or past-due member read a members article, and not a reader without a membership', () => {
    const tierId = createTestTier();
    const member = createTestSubscriber();
    const pastDue = createTestSubscriber();
    const other = createTestSubscriber();
    createTestMembership({ subscriberId: member.id, tierId });
    createTestMembership({ subscriberId: pastDue.id, tierId, status: 'past_due' });
    expect(decideArticleAccess({ rule: members, reader: member, address: null, now: NOW })).toMatchObject({ isAllowed: true, reason: 'membership' });
    expect(decideArticleAccess({ rule: members, reader: pastDue, address: null, now: NOW })).toMatchObject({ isAllowed: true, reason: 'membership' });
    expect(decideArticleAccess({ rule: members, reader: other, address: null, now: NOW })).toMatchObject({ isAllowed: false, reason: 'membership-needed' });
    expect(decideArticleAccess({ rule: members, reader: null, address: null, now: NOW })).toMatchObject({ isAllowed: false, reason: 'membership-needed' });
  });

  it('refuses canceled and expired memberships and one not yet started', () => {
    const tierId = createTestTier();
    for (const status of ['canceled', 'expired'] as const) {
      const reader = createTestSubscriber();
      createTestMembership({ subscriberId: reader.id, tierId, status });
      expect(decideArticleAccess({ rule: members, reader, address: null, now: NOW }).isAllowed).toBe(false);
    }
    const early = createTestSubscriber();
    createTestMembership({ subscriberId: early.id, tierId, startsAt: new Date('2026-04-01T00:00:00Z') });
    expect(decideArticleAccess({ rule: members, reader: early, address: null, now: NOW }).isAllowed).toBe(false);
  });

  it('ends access the moment a membership ends, in the middle of a signed-in session', () => {
    const tierId = createTestTier();
    const reader = createTestSubscriber();
    const endsAt = new Date('2026-03-15T12:30:00Z');
    createTestMembership({ subscriberId: reader.id, tierId, endsAt });
    expect(decideArticleAccess({ rule: members, reader, address: null, now: new Date(endsAt.getTime() - 1) }).isAllowed).toBe(true);
    expect(decideArticleAccess({ rule: members, reader, address: null, now: endsAt })).toMatchObject({ isAllowed: false, reason: 'membership-needed' });
  });

  it('ends access at once when a membership is canceled in the database', () => {
    const tierId = createTestTier();
    const reader = createTestSubscriber();
    const membershipId = createTestMembership({ subscriberId: reader.id, tierId });
    expect(decideArticleAccess({ rule: members, reader, address: null, now: NOW }).isAllowed).toBe(true);
    getDb().update(memberships).set({ status: 'canceled' }).where(eq(memberships.id, membershipId)).run();
    expect(decideArticleAccess({ rule: members, reader, address: null, now: NOW }).isAllowed).toBe(false);
  });

  it('lets only members of the chosen tiers read a tiers article', () => {
    const chosen = createTestTier('Fellow');
    const otherTier = createTestTier('Reader');
    const rule: ArticleAccessRule = { access: 'tiers', tierIds: [chosen], freeFromMonth: null };
    const fellow = createTestSubscriber();
    const otherMember = createTestSubscriber();
    createTestMembership({ subscriberId: fellow.id, tierId: chosen });
    createTestMembership({ subscriberId: otherMember.id, tierId: otherTier });
    expect(decideArticleAccess({ rule, reader: fellow, address: null, now: NOW }).isAllowed).toBe(true);
    expect(decideArticleAccess({ rule, reader: otherMember, address: null, now: NOW })).toMatchObject({ isAllowed: false, reason: 'tier-needed' });
  });

  it('lets in a reader at an institution address (IPv4 and IPv6), within the institution dates', () => {
    const institutionId = createTestInstitution({ ranges: ['198.51.100.0/24', '2001:db8:40::/48'] });
    createTestInstitution({ ranges: ['203.0.113.0/24'], endsAt: new Date('2026-01-01T00:00:00Z') });
    expect(decideArticleAccess({ rule: members, reader: null, address: '198.51.100.77', now: NOW })).toEqual({ isAllowed: true, reason: 'institution-address', institutionId });
    expect(decideArticleAccess({ rule: members, reader: null, address: '2001:db8:40::9', now: NOW })).toMatchObject({ isAllowed: true, institutionId });
    expect(decideArticleAccess({ rule: members, reader: null, address: '198.51.101.1', now: NOW }).isAllowed).toBe(false);
    expect(decideArticleAccess({ rule: members, reader: null, address: '203.0.113.5', now: NOW }).isAllowed).toBe(false);
  });

  it('lets in a signed-in reader whose email domain belongs to an institution, and only for its tier', () => {
    const tierId = createTestTier();
    const institutionId = createTestInstitution({ domains: ['think.example'], tierId });
    const reader = createTestSubscriber({ email: 'analyst@THINK.example' });
    expect(decideArticleAccess({ rule: members, reader, address: null, now: NOW })).toEqual({ isAllowed: true, reason: 'institution-domain', institutionId });
    const otherTier = createTestTier();
    expect(decideArticleAccess({ rule: { access: 'tiers', tierIds: [otherTier], freeFromMonth: null }, reader, address: null, now: NOW }).isAllowed).toBe(false);
    expect(decideArticleAccess({ rule: members, reader: createTestSubscriber({ email: 'someone@elsewhere.example' }), address: null, now: NOW }).isAllowed).toBe(false);
  });

  it('lets as many email-domain readers in at once as the institution has seats, a seat freeing 30 minutes after its last view', () => {
    const institutionId = createTestInstitution({ name: 'Harbour Institute', domains: ['harbour.example'], ranges: ['198.51.100.0/24'], seats: 2 });
    const [first, second, third] = ['a', 'b', 'c'].map((name) => createTestSubscriber({ email: `${name}@harbour.example` }));
    const read = (reader: { id: number; email: string }, now: Date, address: string | null = null) => {
      const decision = decideArticleAccess({ rule: members, reader, address, now });
      if (decision.institutionId !== null) takeInstitutionSeat({ institutionId: decision.institutionId, subscriberId: reader.id, now });
      return decision;
    };
    expect(read(first!, NOW)).toEqual({ isAllowed: true, reason: 'institution-domain', institutionId });
    expect(read(second!, new Date(NOW.getTime() + 60_000))).toMatchObject({ isAllowed: true, institutionId });
    const refused = read(third!, new Date(NOW.getTime() + 120_000));
    expect(refused).toEqual({ isAllowed: false, reason: 'seats-taken', institutionId: null, isSignedIn: true, seats: { institution: 'Harbour Institute', count: 2 } });
    // Those holding a seat keep reading; on the institution's own network, seats do not count.
    expect(read(first!, new Date(NOW.getTime() + 20 * 60_000)).isAllowed).toBe(true);
    expect(read(third!, new Date(NOW.getTime() + 20 * 60_000), '198.51.100.7')).toMatchObject({ isAllowed: true, reason: 'institution-address' });
    // The second reader's seat frees 30 minutes after their last view; the first one's was renewed at minute 20.
    expect(read(third!, new Date(NOW.getTime() + 31 * 60_000 + 60_000)).isAllowed).toBe(true);
    expect(read(second!, new Date(NOW.getTime() + 33 * 60_000))).toMatchObject({ isAllowed: false, reason: 'seats-taken' });
  });

  it('makes a gated article of an issue public once its archive rule says so', () => {
    const issue = createTestIssue({ coverDate: '2025-03-01', archiveFreeAfterMonths: 12 });
    const article = createTestArticle({ issueId: issue.id, access: 'members' });
    const rule = publishedAccessRule(article.id);
    expect(rule).toEqual({ access: 'members', tierIds: [], freeFromMonth: '2026-03' });
    expect(decideArticleAccess({ rule, reader: null, address: null, now: new Date('2026-02-27T12:00:00Z') }).isAllowed).toBe(false);
    expect(decideArticleAccess({ rule, reader: null, address: null, now: NOW })).toMatchObject({ isAllowed: true, reason: 'archive' });
  });

  it('reads the published access, not the working copy', () => {
    const tierId = createTestTier();
    const article = createTestArticle({ access: 'tiers', accessTierIds: [tierId] });
    expect(publishedAccessRule(article.id)).toEqual({ access: 'tiers', tierIds: [tierId], freeFromMonth: null });
  });
});

describe('institutionAddress', () => {
  it('trusts no address without TRUSTED_PROXIES, since Next keeps an X-Forwarded-For the client wrote', () => {
    expect(institutionAddress(forwarded('198.51.100.77'), { trustedProxies: '' })).toBeNull();
  });

  it('ignores an institution address a client wrote to the left of what the trusted proxy saw', () => {
    createTestInstitution({ ranges: ['198.51.100.0/24'] });
    // The client at 203.0.113.250 sent "X-Forwarded-For: 198.51.100.77"; the proxy at 192.0.2.10 added the address it saw.
    const address = institutionAddress(forwarded('198.51.100.77, 203.0.113.250, 192.0.2.10'), { trustedProxies: '192.0.2.10' });
    expect(address).toBe('203.0.113.250');
    expect(decideArticleAccess({ rule: members, reader: null, address, now: NOW }).isAllowed).toBe(false);
  });

  it('takes the address the trusted proxy recorded', () => {
    expect(institutionAddress(forwarded('6.6.6.6, 198.51.100.77, 10.0.0.2'), { trustedProxies: '10.0.0.0/8' })).toBe('198.51.100.77');
    expect(institutionAddress(new Headers(), { trustedProxies: '10.0.0.0/8' })).toBeNull();
  });
});

describe('recordInstitutionView', () => {
  it('counts views per institution and month in the site time zone', () => {
    const institutionId = createTestInstitution();
    recordInstitutionView({ institutionId, at: new Date('2026-03-31T23:30:00Z') });
    recordInstitutionView({ institutionId, at: new Date('2026-03-01T00:30:00Z') });
    recordInstitutionView({ institutionId, at: new Date('2026-04-01T00:30:00Z') });
    const rows = getDb().select().from(institutionUsage).where(eq(institutionUsage.institutionId, institutionId)).all();
    expect(rows.map(({ month, views }) => ({ month, views })).sort((a, b) => a.month.localeCompare(b.month))).toEqual([
      { month: '2026-03', views: 2 },
      { month: '2026-04', views: 1 },
    ]);
  });
});
