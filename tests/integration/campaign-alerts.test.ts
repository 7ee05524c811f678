import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, campaigns, outbox, subscribers, type AccessLevel } from '@/db/schema';
import { transitionArticle } from '@/lib/articles/transition-article';
import { deliverOutbox } from '@/lib/readers/mail/deliver-outbox';
import { expandCampaigns } from '@/lib/readers/mail/expand-campaigns';
import { queueDigests } from '@/lib/readers/mail/queue-digests';
import { createTestArticle } from '../factories/article';
import { createTestEntity, tagArticle } from '../factories/entity';
import { unpublishTestArticle } from '../factories/publication';
import { createReadyArticle } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { createTestSubscriber } from '../factories/subscriber';
import { headerOf, withSmtpSink } from '../factories/subscriber-smtp-sink';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
const { sink } = withSmtpSink();

async function publishTaggedArticle(extraEntityIds: number[] = [], { access = 'public' as AccessLevel } = {}) {
  const author = await createTestStaff({ role: 'author' });
  const editor = await createTestStaff({ role: 'editor' });
  const article = createReadyArticle({ owner: author, status: 'approved' });
  if (access !== 'public') getDb().update(articles).set({ access }).where(eq(articles.id, article.id)).run();
  for (const entityId of extraEntityIds) tagArticle({ articleId: article.id, entityId });
  const result = transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } });
  expect(result).toMatchObject({ ok: true, status: 'published' });
  return article;
}

describe('alerts for followed entities', () => {
  it('sends one alert per instant follower however many followed entities the article names', async () => {
    const country = createTestEntity({ kind: 'country', name: 'Kazakhstan' });
    const article = await publishTaggedArticle([country.id]);
    const both = createTestSubscriber({ email: 'both@example.org', follows: [article.entityId, country.id] });
    createTestSubscriber({ email: 'country@example.org', follows: [country.id] });
    createTestSubscriber({ email: 'daily@example.org', follows: [country.id], alertFrequency: 'daily' });
    createTestSubscriber({ email: 'other@example.org', follows: [createTestEntity({ kind: 'topic', name: 'Space' }).id] });
    createTestSubscriber({ email: 'pending@example.org', status: 'pending', follows: [country.id] });

    expect(getDb().select().from(campaigns).all()).toMatchObject([{ kind: 'alert', articleId: article.id, dedupeKey: `alert:article:${article.id}` }]);
    expect(expandCampaigns()).toBe(2);
    await deliverOutbox();

    const readerCounts = [...sink().countByRecipient()].filter(([address]) => address.endsWith('@example.org'));
    expect(readerCounts.sort()).toEqual([
      ['both@example.org', 1],
      ['country@example.org', 1],
    ]);
    const message = sink().messages.find((candidate) => candidate.to[0] === 'both@example.org')!;
    expect(message.parsed.subject).toBe(`New on Masthead: Ready article ${article.slug.split('-').at(-1)}`);
    expect(message.parsed.text).toContain(`http://localhost:3000/articles/${article.slug}`);
    expect(message.parsed.text).toMatch(/You follow Kazakhstan and Ready Treaty \d+\.|You follow Ready Treaty \d+ and Kazakhstan\./);
    expect(headerOf(message, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(getDb().select({ key: outbox.dedupeKey }).from(outbox).where(eq(outbox.subscriberId, both.id)).all()).toEqual([{ key: `alert:article:${article.id}:subscriber:${both.id}` }]);
  });

  it('says when the article is for members only, and when it is open to all', async () => {
    const gated = await publishTaggedArticle([], { access: 'members' });
    const open = await publishTaggedArticle();
    createTestSubscriber({ email: 'gated@example.org', follows: [gated.entityId] });
    createTestSubscriber({ email: 'open@example.org', follows: [open.entityId] });
    expandCampaigns();
    await deliverOutbox();
    const textTo = (address: string) => sink().messages.find((candidate) => candidate.to[0] === address)!.parsed.text;
    expect(textTo('gated@example.org')).toMatch(/Why this matters, in one sentence\.\s+Members only\s+Read it:/);
    expect(textTo('open@example.org')).not.toContain('Members only');
  });

  it('sends nothing for an article unpublished before the worker reached it', async () => {
    const article = await publishTaggedArticle();
    createTestSubscriber({ follows: [article.entityId] });
    unpublishTestArticle({ articleId: article.id });
    expect(expandCampaigns()).toBe(0);
    expect(getDb().select().from(campaigns).get()!.status).toBe('cancelled');
    expect(getDb().select().from(outbox).where(eq(outbox.kind, 'campaign.alert')).all()).toEqual([]);
  });

  it('does not alert again when a published article is updated', async () => {
    const article = await publishTaggedArticle();
    createTestSubscriber({ follows: [article.entityId] });
    const editor = await createTestStaff({ role: 'editor' });
    expandCampaigns();
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'update' } })).toMatchObject({ ok: true, status: 'published' });
    expect(getDb().select().from(campaigns).all()).toHaveLength(1);
    expect(expandCampaigns()).toBe(0);
    expect(getDb().select().from(outbox).where(eq(outbox.kind, 'campaign.alert')).all()).toHaveLength(1);
  });
});

describe('daily and weekly digests', () => {
  it('gives each daily follower one digest of the day’s new followed articles, only public ones, and none twice', async () => {
    const treaty = createTestEntity({ kind: 'treaty', name: 'Outer Space Treaty' });
    const country = createTestEntity({ kind: 'country', name: 'Chile' });
    const day = new Date('2025-04-02T10:00:00Z');
    const first = createTestArticle({ title: 'Orbit rules', entityIds: [treaty.id, country.id], publishedAt: day });
    createTestArticle({ title: 'Santiago talks', entityIds: [country.id], publishedAt: new Date('2025-04-02T15:00:00Z') });
    const withdrawn = createTestArticle({ title: 'Withdrawn piece', entityIds: [treaty.id], publishedAt: day });
    unpublishTestArticle({ articleId: withdrawn.id });
    createTestArticle({ title: 'Embargoed draft', entityIds: [treaty.id], status: 'approved' });
    createTestArticle({ title: 'Day before', entityIds: [treaty.id], publishedAt: new Date('2025-03-28T10:00:00Z') });
    const reader = createTestSubscriber({ email: 'daily@example.org', alertFrequency: 'daily', follows: [treaty.id, country.id] });
    createTestSubscriber({ email: 'weekly@example.org', alertFrequency: 'weekly', follows: [treaty.id] });
    createTestSubscriber({ email: 'nothing-new@example.org', alertFrequency: 'daily', follows: [createTestEntity({ kind: 'topic', name: 'Quiet' }).id] });

    const now = new Date('2025-04-03T01:00:00Z');
    expect(queueDigests({ now })).toBe(2);
    expect(queueDigests({ now })).toBe(0);
    expect(getDb().select({ key: campaigns.dedupeKey }).from(campaigns).all().map((row) => row.key).sort()).toEqual(['digest:daily:2025-04-02', 'digest:weekly:2025-03-24']);
    expandCampaigns({ now });
    await deliverOutbox();

    const daily = sink().messages.filter((message) => message.to[0] === 'daily@example.org');
    expect(daily).toHaveLength(1);
    const text = daily[0]!.parsed.text ?? '';
    expect(daily[0]!.parsed.subject).toBe('Your daily Masthead digest: 2 new articles (2 April 2025)');
    expect(text.match(/Orbit rules/g)).toHaveLength(1);
    expect(text).toContain('About Chile, Outer Space Treaty');
    expect(text).toContain('Santiago talks');
    expect(text).not.toContain('Withdrawn piece');
    expect(text).not.toContain('Embargoed draft');
    expect(text).not.toContain('Day before');
    expect(text).toContain(`/articles/${first.slug}`);
    expect(headerOf(daily[0]!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(sink().messages.some((message) => message.to[0] === 'nothing-new@example.org')).toBe(false);
    expect(getDb().select({ key: outbox.dedupeKey }).from(outbox).where(eq(outbox.subscriberId, reader.id)).all()).toEqual([{ key: `digest:daily:2025-04-02:subscriber:${reader.id}` }]);
    expect(getDb().select().from(subscribers).where(eq(subscribers.id, reader.id)).get()!.digestCoveredUntil).toEqual(new Date('2025-04-03T00:00:00Z'));

    // The weekly reader's week (24–30 March) had the "Day before" article.
    const weekly = sink().messages.filter((message) => message.to[0] === 'weekly@example.org');
    expect(weekly).toHaveLength(1);
    expect(weekly[0]!.parsed.text).toContain('Day before');
    expect(weekly[0]!.parsed.subject).toBe('Your weekly Masthead digest: one new article (the week of 24 March 2025)');

    // The next day's digest does not repeat what this one listed.
    const nextDay = new Date('2025-04-04T01:00:00Z');
    queueDigests({ now: nextDay });
    expandCampaigns({ now: nextDay });
    expect(getDb().select().from(outbox).where(eq(outbox.subscriberId, reader.id)).all()).toHaveLength(1);
  });
});
