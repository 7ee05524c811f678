// Before anything loads Next's cache functions, which need the request storage a server provides.
import '../support/next-async-local-storage';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  articleAuthors,
  articleEntities,
  articles,
  campaigns,
  contributors,
  entities,
  entityAliases,
  importSourceMap,
  media,
  navigationItems,
  outbox,
  pages,
  redirects,
  revisions,
  sections,
  subscribers,
  memberships,
  membershipTiers,
} from '@/db/schema';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { getWorkflowState } from '@/lib/articles/get-workflow-state';
import { getAuthorPage } from '@/lib/site/authors/get-author-page';
import { getSectionPage } from '@/lib/site/sections/get-section-page';
import { searchArticles } from '@/lib/site/search/search-articles';
import { importFromReader, type ImportReport } from '@/lib/migration/import/import-from-reader';
import type { ImportedEntry, ImportItem, ImportSourceReader } from '@/lib/migration/import/import-model';
import { createTestArticle } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { makeImage } from '../factories/image';
import { withTempMediaFolder } from '../factories/media-folder';
import { createTestStaff } from '../factories/staff';
import { makeTempFolder, withTempDatabase } from '../factories/temp-database';

withTempDatabase();
withTempMediaFolder();

const SITE = 'https://old.example.org';
const SOURCE = `wordpress:${SITE}`;

function readerOf(items: ImportItem[], { source = SOURCE, siteUrl = SITE }: { source?: string; siteUrl?: string } = {}): ImportSourceReader {
  return {
    source,
    siteUrl,
    warnings: [],
    countItems: async () => items.length,
    async *items() {
      for (const item of items) yield structuredClone(item);
    },
  };
}

function post(overrides: Partial<ImportedEntry> = {}): ImportedEntry {
  return {
    kind: 'post',
    sourceId: '12',
    title: 'The treaty that lapsed',
    slug: 'the-treaty-that-lapsed',
    status: 'published',
    html: '<p>New START lapsed in February.</p><p>Inspections had stopped long before.</p>',
    dek: 'What the end of the last arms-control treaty means.',
    authorSourceIds: ['a1', 'a2'],
    sectionSourceIds: ['c1'],
    tagSourceIds: ['t1', 't2'],
    publishedAt: new Date('2019-03-04T09:30:00Z'),
    createdAt: new Date('2019-03-01T08:00:00Z'),
    modifiedAt: new Date('2019-03-05T10:00:00Z'),
    oldUrls: [`${SITE}/2019/03/04/the-treaty-that-lapsed/`, '/?p=12'],
    warnings: [],
    ...overrides,
  };
}

const AUTHORS: ImportItem[] = [
  { kind: 'author', sourceId: 'a1', name: 'Alice Archer', slug: 'alice', email: 'alice@old.example.org', bio: 'Writes on arms control.', oldUrls: [`${SITE}/author/alice/`] },
  { kind: 'author', sourceId: 'a2', name: 'Bo Berg', slug: 'bo', oldUrls: [] },
];
const SECTION: ImportItem = { kind: 'section', sourceId: 'c1', name: 'Analysis', slug: 'analysis', oldUrls: [`${SITE}/category/analysis/`] };
const TAGS: ImportItem[] = [
  { kind: 'tag', sourceId: 't1', name: 'START', slug: 'start', oldUrls: [`${SITE}/tag/start/`] },
  { kind: 'tag', sourceId: 't2', name: 'Verification', slug: 'verification', oldUrls: [] },
  { kind: 'tag', sourceId: 't3', name: '#hidden', slug: 'hash-hidden', isInternal: true, oldUrls: [] },
];

function siteItems(): ImportItem[] {
  return [...AUTHORS, SECTION, ...TAGS, post()];
}

async function runImport(items: ImportItem[], options: { dryRun?: boolean; mediaDir?: string; fetchImages?: boolean; fetchTimeoutMs?: number } = {}): Promise<ImportReport> {
  const admin = await adminId();
  return importFromReader({
    reader: readerOf(items),
    dryRun: options.dryRun ?? false,
    actorId: admin,
    media: { mediaDir: options.mediaDir, fetchImages: options.fetchImages ?? false, fetchTimeoutMs: options.fetchTimeoutMs },
  });
}

let admin: number | null = null;
afterEach(() => {
  admin = null;
});
async function adminId(): Promise<number> {
  admin ??= (await createTestStaff({ role: 'admin' })).id;
  return admin;
}

function rowCounts(): Record<string, number> {
  const db = getDb();
  const tables = { articles, revisions, articleAuthors, articleEntities, contributors, entities, sections, media, pages, navigationItems, redirects, subscribers, importSourceMap, campaigns, outbox };
  return Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, db.select({ n: count() }).from(table).get()!.n]));
}

function startTreatyEntity(): number {
  const id = createTestEntity({ kind: 'treaty', name: 'New START Treaty' }).id;
  getDb().insert(entityAliases).values({ entityId: id, alias: 'START', normalized: 'start' }).run();
  return id;
}

describe('importing a published post', () => {
  it('shows it on the reader site with its title, dek, body, byline, section, tags and source date', async () => {
    startTreatyEntity();
    const report = await runImport(siteItems());
    expect(report.counts.post).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    expect(report.counts.tag).toMatchObject({ created: 1, unchanged: 1, skipped: 1 });

    const shown = getPublishedArticle('the-treaty-that-lapsed');
    expect(shown).not.toBeNull();
    expect(shown!.title).toBe('The treaty that lapsed');
    expect(shown!.dek).toBe('What the end of the last arms-control treaty means.');
    expect(shown!.html).toContain('Inspections had stopped long before.');
    expect(shown!.authors.map((author) => author.name)).toEqual(['Alice Archer', 'Bo Berg']);
    expect(shown!.section).toEqual({ name: 'Analysis', slug: 'analysis' });
    expect(shown!.publishedAt.toISOString()).toBe('2019-03-04T09:30:00.000Z');
    expect(shown!.firstPublishedAt.toISOString()).toBe('2019-03-04T09:30:00.000Z');
    const tags = Object.fromEntries(shown!.entities.map((entity) => [entity.name, entity]));
    expect(tags['New START Treaty']).toMatchObject({ kind: 'treaty', isApproved: true });
    expect(tags['Verification']).toMatchObject({ kind: 'topic', isApproved: false });

    const revision = getDb().select().from(revisions).where(eq(revisions.articleId, shown!.id)).all();
    expect(revision.map((row) => row.reason)).toEqual(['import']);
    const guests = getDb().select().from(contributors).where(eq(contributors.name, 'Alice Archer')).all();
    expect(guests).toMatchObject([{ slug: 'alice', reviewStatus: 'approved', userId: null, bio: 'Writes on arms control.' }]);

    const searched = searchArticles({ q: 'inspections' });
    expect(searched.status === 'searched' && searched.results.map((result) => result.slug)).toEqual(['the-treaty-that-lapsed']);
    expect(getSectionPage({ slug: 'analysis', page: 1 })?.articles.map((article) => article.slug)).toEqual(['the-treaty-that-lapsed']);
    expect(getAuthorPage({ slug: 'bo', page: 1 })?.articles.map((article) => article.slug)).toEqual(['the-treaty-that-lapsed']);
    // An archive is not news: followers are not alerted about it.
    expect(rowCounts().campaigns).toBe(0);

    // The desk shows it as a published article with nothing left to fix and no edits waiting.
    const editor = await createTestStaff({ role: 'editor' });
    const desk = getArticleForEdit({ id: shown!.id, actor: editor });
    expect(desk).toMatchObject({ status: 'published', isPublished: true, dek: shown!.dek, authors: [{ name: 'Alice Archer' }, { name: 'Bo Berg' }] });
    expect(desk.manualTags.map((tag) => tag.name).sort()).toEqual(['New START Treaty', 'Verification']);
    const workflow = getWorkflowState({ id: shown!.id, actor: editor });
    expect(workflow.preflight.blocking).toEqual([]);
    expect(workflow.hasUnpublishedChanges).toBe(false);
    expect(workflow.publishedAt).toBe('2019-03-04T09:30:00.000Z');
  });

  it('answers each old address with a redirect to the new page', async () => {
    const treaty = startTreatyEntity();
    await runImport(siteItems());
    const rows = Object.fromEntries(getDb().select().from(redirects).all().map((row) => [row.fromPath, { toPath: row.toPath, origin: row.origin }]));
    const treatySlug = getDb().select().from(entities).where(eq(entities.id, treaty)).get()!.slug;
    expect(rows).toEqual({
      '/2019/03/04/the-treaty-that-lapsed': { toPath: '/articles/the-treaty-that-lapsed', origin: 'wordpress' },
      '/?p=12': { toPath: '/articles/the-treaty-that-lapsed', origin: 'wordpress' },
      '/author/alice': { toPath: '/authors/alice', origin: 'wordpress' },
      '/category/analysis': { toPath: '/sections/analysis', origin: 'wordpress' },
      '/tag/start': { toPath: `/treaties/${treatySlug}`, origin: 'wordpress' },
    });
  });

  it('takes a new slug, with a warning, when a desk article already has it', async () => {
    const existing = createTestArticle({ title: 'Existing' });
    const report = await runImport([...siteItems().filter((item) => item.kind !== 'post'), post({ slug: existing.slug })]);
    expect(getPublishedArticle(existing.slug)?.title).toBe('Existing');
    expect(getPublishedArticle(`${existing.slug}-2`)?.title).toBe('The treaty that lapsed');
    expect(report.warnings).toContainEqual({ item: 'post "The treaty that lapsed" (12)', message: expect.stringContaining(`${existing.slug}-2`) });
  });
});

describe('statuses', () => {
  it('keeps scheduled, draft and in-review, and never makes a private post public', async () => {
    const due = new Date(Date.now() + 86_400_000);
    const report = await runImport([
      ...siteItems().filter((item) => item.kind !== 'post'),
      post({ sourceId: '20', slug: 'later', title: 'Later', status: 'scheduled', publishedAt: due, oldUrls: [] }),
      post({ sourceId: '21', slug: 'unfinished', title: 'Unfinished', status: 'draft', publishedAt: undefined, oldUrls: [] }),
      post({ sourceId: '22', slug: 'pending', title: 'Pending', status: 'in_review', publishedAt: undefined, oldUrls: [] }),
      post({ sourceId: '23', slug: 'secret', title: 'Secret', status: 'published', notPublicBecause: 'it was private', oldUrls: [] }),
    ]);
    const byslug = Object.fromEntries(getDb().select().from(articles).all().map((row) => [row.slug, row]));
    expect(byslug.later).toMatchObject({ status: 'scheduled', scheduledFor: due, publishedRevisionId: null });
    expect(byslug.unfinished).toMatchObject({ status: 'draft', publishedRevisionId: null });
    expect(byslug.pending).toMatchObject({ status: 'in_review', publishedRevisionId: null });
    expect(byslug.secret).toMatchObject({ status: 'draft', publishedRevisionId: null, publishedAt: null });
    for (const slug of ['later', 'unfinished', 'pending', 'secret']) expect(getPublishedArticle(slug)).toBeNull();
    expect(report.warnings).toContainEqual({ item: 'post "Secret" (23)', message: expect.stringContaining('it was private') });
  });
});

describe('members-only posts', () => {
  it('publishes them gated as at the source, with their tiers matched by name or created with their prices, and search holds only the public part', async () => {
    getDb().insert(membershipTiers).values({ name: 'Patron', slug: 'patron', monthlyPriceCents: 1200 }).run();
    const institution = { name: 'Institution', description: 'For libraries', monthlyPriceCents: null, yearlyPriceCents: 50000, currency: 'eur' };
    const patron = { name: 'patron', description: 'Ignored: the tier exists', monthlyPriceCents: 900, yearlyPriceCents: null, currency: 'eur' };
    const items: ImportItem[] = [
      ...siteItems().filter((item) => item.kind !== 'post'),
      post({ sourceId: '30', slug: 'for-members', title: 'For members', oldUrls: [], html: '<p>Open first paragraph.</p><p>Second open paragraph.</p><p>Zircon ledger behind the gate.</p>', access: { level: 'members', tiers: [] } }),
      post({ sourceId: '31', slug: 'for-two-tiers', title: 'For two tiers', oldUrls: [], access: { level: 'tiers', tiers: [patron, institution] } }),
      post({ sourceId: '32', slug: 'for-readers', title: 'For readers', oldUrls: [], access: { level: 'registered', tiers: [] } }),
    ];
    const report = await runImport(items);
    expect(report.counts.post).toMatchObject({ created: 3, failed: 0 });

    const tiers = Object.fromEntries(getDb().select().from(membershipTiers).all().map((tier) => [tier.name, tier]));
    expect(Object.keys(tiers).sort()).toEqual(['Institution', 'Patron']);
    expect(tiers.Patron).toMatchObject({ monthlyPriceCents: 1200, description: '' });
    expect(tiers.Institution).toMatchObject({ slug: 'institution', description: 'For libraries', monthlyPriceCents: null, yearlyPriceCents: 50000, currency: 'eur' });

    const bySlug = Object.fromEntries(getDb().select().from(articles).all().map((row) => [row.slug, row]));
    expect(bySlug['for-members']).toMatchObject({ status: 'published', access: 'members', accessTierIds: [], publishedAccess: 'members', publishedAccessTierIds: [] });
    expect(bySlug['for-two-tiers']).toMatchObject({ status: 'published', access: 'tiers', publishedAccess: 'tiers' });
    expect([...bySlug['for-two-tiers']!.publishedAccessTierIds].sort()).toEqual([tiers.Patron!.id, tiers.Institution!.id].sort());
    expect(bySlug['for-readers']).toMatchObject({ status: 'published', access: 'registered', publishedAccess: 'registered' });

    const shown = getPublishedArticle('for-members');
    expect(shown?.accessRule.access).toBe('members');
    expect(shown?.publicHtml).toContain('Second open paragraph.');
    expect(shown?.publicHtml).not.toContain('Zircon');
    const byPublicPart = searchArticles({ q: 'second open paragraph' });
    expect(byPublicPart.status === 'searched' && byPublicPart.results.map((result) => result.slug)).toEqual(['for-members']);
    const byGatedPart = searchArticles({ q: 'zircon' });
    expect(byGatedPart.status === 'searched' && byGatedPart.results).toEqual([]);

    const second = await runImport(items);
    expect(second.counts.post).toMatchObject({ unchanged: 3 });
    expect(getDb().select().from(membershipTiers).all()).toHaveLength(2);
  });
});

describe('running twice, and dry runs', () => {
  /** Every kind of item, with a clash, a duplicate, a missing image and a failing item among them. */
  async function wholeSite(): Promise<{ items: ImportItem[]; mediaDir: string }> {
    const mediaDir = makeTempFolder();
    fs.mkdirSync(path.join(mediaDir, '2019'), { recursive: true });
    fs.writeFileSync(path.join(mediaDir, '2019', 'map.png'), await makeImage({ format: 'png', width: 300, height: 200 }));
    const items: ImportItem[] = [
      { kind: 'author', sourceId: 'a0', name: '', slug: 'nobody', oldUrls: [] },
      ...AUTHORS,
      { kind: 'author', sourceId: 'a3', name: 'alice archer', slug: 'alice-again', oldUrls: [] },
      SECTION,
      ...TAGS,
      { kind: 'tag', sourceId: 't4', name: 'verification', slug: 'verification-2', oldUrls: [] },
      { kind: 'media', sourceId: '90', url: `${SITE}/wp-content/uploads/2019/map.png`, alt: 'A map', caption: 'The region' },
      { kind: 'media', sourceId: '91', url: `${SITE}/wp-content/uploads/2019/gone.png`, alt: '', caption: '' },
      post({ html: `<p>Text.</p><img src="/wp-content/uploads/2019/map.png"><img src="/wp-content/uploads/2019/nope.png"><script>x()</script>`, featuredImage: { mediaSourceId: '90' } }),
      post({ sourceId: '13', title: 'Twin', slug: 'the-treaty-that-lapsed', oldUrls: ['/?p=12', '/twin/'] }),
      post({ sourceId: '14', title: 'Hidden', slug: 'hidden', notPublicBecause: 'it was password-protected', oldUrls: [] }),
      post({ kind: 'page', sourceId: '40', title: 'About', slug: 'about', oldUrls: ['/about/'] }),
      post({ kind: 'page', sourceId: '41', title: 'Topics', slug: 'topics', oldUrls: [] }),
      { kind: 'menu-item', sourceId: 'm1', menu: 'header', label: 'About', target: { kind: 'page', sourceId: '40' }, position: 1 },
      { kind: 'menu-item', sourceId: 'm2', menu: 'header', label: 'Verification', target: { kind: 'tag', sourceId: 't2' }, position: 2 },
      { kind: 'menu-item', sourceId: 'm3', menu: 'footer', label: 'Gone', target: { kind: 'post', sourceId: '999' }, position: 3 },
      { kind: 'subscriber', email: 'Reader@Example.org', name: 'R', status: 'confirmed', where: 'line 2' },
      { kind: 'subscriber', email: 'reader@example.org', name: 'R', status: 'confirmed', where: 'line 3' },
      { kind: 'subscriber', email: 'nope', name: '', status: 'confirmed', where: 'line 4' },
    ];
    return { items, mediaDir };
  }

  it('counts and warns in a dry run exactly as the real run then does, on every kind of item', async () => {
    startTreatyEntity();
    const { items, mediaDir } = await wholeSite();
    await adminId();
    const before = rowCounts();
    const mediaFiles = fs.readdirSync(process.env.MEDIA_DIR!);
    const dry = await runImport(items, { dryRun: true, mediaDir });
    expect(rowCounts()).toEqual(before);
    expect(fs.readdirSync(process.env.MEDIA_DIR!)).toEqual(mediaFiles);
    const real = await runImport(items, { mediaDir });
    expect(dry.counts).toEqual(real.counts);
    expect(dry.warnings).toEqual(real.warnings);
    expect(real.counts).toMatchObject({
      author: { created: 2, unchanged: 1, failed: 1 },
      tag: { created: 1, unchanged: 2, skipped: 1 },
      media: { created: 1, failed: 1 },
      post: { created: 3 },
      page: { created: 2 },
      'menu-item': { created: 2, skipped: 1 },
      subscriber: { created: 1, skipped: 2 },
    });

    const afterFirst = rowCounts();
    const secondDry = await runImport(items, { dryRun: true, mediaDir });
    const second = await runImport(items, { mediaDir });
    expect(secondDry.counts).toEqual(second.counts);
    expect(rowCounts()).toEqual(afterFirst);
    for (const counts of Object.values(second.counts)) expect(counts.created + counts.updated).toBe(0);
  });

  it('writes nothing in a dry run, and counts what the real run then does', async () => {
    startTreatyEntity();
    const items = [...siteItems(), { kind: 'subscriber', email: 'Reader@Example.org', name: 'R', status: 'confirmed', where: 'line 2' } as ImportItem];
    await adminId();
    const before = rowCounts();
    const dry = await runImport(items, { dryRun: true });
    expect(rowCounts()).toEqual(before);
    const real = await runImport(items);
    expect(dry.counts).toEqual(real.counts);
    expect(dry.warnings).toEqual(real.warnings);
    expect(real.counts.post!.created).toBe(1);
  });

  it('leaves everything unchanged the second time, creating nothing twice', async () => {
    await runImport(siteItems());
    const after = rowCounts();
    const second = await runImport(siteItems());
    expect(rowCounts()).toEqual(after);
    for (const [kind, counts] of Object.entries(second.counts)) {
      expect({ kind, created: counts.created, updated: counts.updated, failed: counts.failed }).toEqual({ kind, created: 0, updated: 0, failed: 0 });
    }
    expect(second.counts.post!.unchanged).toBe(1);
  });

  it('updates a changed post: a new revision, republished', async () => {
    await runImport(siteItems());
    const changed = [...siteItems().filter((item) => item.kind !== 'post'), post({ title: 'The treaty that lapsed, revisited', html: '<p>Rewritten body.</p>' })];
    const report = await runImport(changed);
    expect(report.counts.post).toMatchObject({ updated: 1, created: 0 });
    const shown = getPublishedArticle('the-treaty-that-lapsed');
    expect(shown?.title).toBe('The treaty that lapsed, revisited');
    expect(shown?.html).toContain('Rewritten body.');
    expect(shown?.publishedAt.toISOString()).toBe('2019-03-04T09:30:00.000Z');
    const reasons = getDb().select({ reason: revisions.reason }).from(revisions).where(eq(revisions.articleId, shown!.id)).all();
    expect(reasons.map((row) => row.reason)).toEqual(['import', 'import']);
    expect(rowCounts().articles).toBe(1);
  });

  it('goes on after an item that fails, counting it with a warning', async () => {
    const report = await runImport([
      { kind: 'author', sourceId: 'a0', name: '   ', slug: 'nobody', oldUrls: [] },
      ...siteItems(),
    ]);
    expect(report.counts.author).toMatchObject({ created: 2, failed: 1 });
    expect(report.warnings).toContainEqual({ item: 'author "   " (a0)', message: expect.stringContaining('no name') });
    expect(getPublishedArticle('the-treaty-that-lapsed')).not.toBeNull();
  });
});

describe('subscribers', () => {
  it('keeps consent, reports invalid and repeated addresses, and mails nobody', async () => {
    const report = await runImport([
      { kind: 'subscriber', email: ' Ann@Example.org ', name: 'Ann', status: 'confirmed', where: 'line 2' },
      { kind: 'subscriber', email: 'gone@example.org', name: '', status: 'unsubscribed', where: 'line 3' },
      { kind: 'subscriber', email: 'not-an-address', name: '', status: 'confirmed', where: 'line 4' },
      { kind: 'subscriber', email: 'ann@example.org', name: 'Ann again', status: 'confirmed', where: 'line 5' },
      { kind: 'subscriber', email: 'new@example.org', name: '', status: 'pending', where: 'line 6' },
    ]);
    const rows = Object.fromEntries(getDb().select().from(subscribers).all().map((row) => [row.email, row]));
    expect(Object.keys(rows).sort()).toEqual(['ann@example.org', 'gone@example.org', 'new@example.org']);
    expect(rows['ann@example.org']).toMatchObject({ status: 'confirmed', name: 'Ann', confirmTokenHash: null });
    expect(rows['ann@example.org']!.confirmedAt).not.toBeNull();
    expect(rows['gone@example.org']).toMatchObject({ status: 'unsubscribed' });
    expect(rows['gone@example.org']!.unsubscribedAt).not.toBeNull();
    expect(rows['new@example.org']).toMatchObject({ status: 'pending', confirmTokenHash: null });
    expect(report.counts.subscriber).toMatchObject({ created: 3, skipped: 2 });
    expect(report.warnings).toContainEqual({ item: 'subscriber not-an-address (line 4)', message: expect.stringContaining('not a valid') });
    expect(report.warnings).toContainEqual({ item: 'subscriber ann@example.org (line 5)', message: expect.stringContaining('line 2') });
    expect(rowCounts().outbox).toBe(0);
    expect(rowCounts().campaigns).toBe(0);
  });
  it('turns Ghost tiers and complimentary plans into imported memberships, matching tiers by name, and changes nothing on a second run', async () => {
    getDb().insert(membershipTiers).values({ name: 'Supporter', slug: 'supporter' }).run();
    const items: ImportItem[] = [
      { kind: 'subscriber', email: 'paid@example.org', name: 'P', status: 'confirmed', tiers: ['supporter', 'Patron'], createdAt: new Date('2024-05-01T00:00:00Z'), where: 'line 2' },
      { kind: 'subscriber', email: 'comp@example.org', name: 'C', status: 'unsubscribed', tiers: [], isComplimentary: true, where: 'line 3' },
      { kind: 'subscriber', email: 'free@example.org', name: 'F', status: 'confirmed', tiers: [], where: 'line 4' },
    ];
    const first = await runImport(items);
    const held = () =>
      getDb()
        .select({ email: subscribers.email, tier: membershipTiers.name, source: memberships.source, status: memberships.status, startsAt: memberships.startsAt, endsAt: memberships.endsAt })
        .from(memberships)
        .innerJoin(subscribers, eq(subscribers.id, memberships.subscriberId))
        .innerJoin(membershipTiers, eq(membershipTiers.id, memberships.tierId))
        .orderBy(subscribers.email, membershipTiers.name)
        .all();
    const after = held();
    expect(after.map(({ email, tier, source, status, endsAt }) => ({ email, tier, source, status, endsAt }))).toEqual([
      { email: 'comp@example.org', tier: 'Complimentary', source: 'import', status: 'active', endsAt: null },
      { email: 'paid@example.org', tier: 'Patron', source: 'import', status: 'active', endsAt: null },
      { email: 'paid@example.org', tier: 'Supporter', source: 'import', status: 'active', endsAt: null },
    ]);
    expect(after[1]!.startsAt.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(getDb().select({ name: membershipTiers.name }).from(membershipTiers).all().map((tier) => tier.name).sort()).toEqual(['Complimentary', 'Patron', 'Supporter']);
    expect(first.warnings).toContainEqual({ item: 'subscriber comp@example.org (line 3)', message: expect.stringContaining('Complimentary') });
    const second = await runImport(items);
    expect(held()).toEqual(after);
    expect(getDb().select().from(membershipTiers).all()).toHaveLength(3);
    expect(second.counts.subscriber).toMatchObject({ unchanged: 3 });
  });
});

describe('pages and menus', () => {
  it('imports a published page and a menu that links to the new addresses', async () => {
    const report = await runImport([
      ...siteItems(),
      { ...post({ kind: 'page', sourceId: '40', title: 'About us', slug: 'about', html: '<p>We publish.</p>', oldUrls: ['/?page_id=40'] }) },
      { ...post({ kind: 'page', sourceId: '41', title: 'Search tips', slug: 'search', status: 'draft', html: '<p>Tips.</p>', oldUrls: [] }) },
      { kind: 'menu-item', sourceId: 'm1', menu: 'header', label: 'About', target: { kind: 'page', sourceId: '40' }, position: 1 },
      { kind: 'menu-item', sourceId: 'm2', menu: 'header', label: 'Lead story', target: { kind: 'post', sourceId: '12' }, position: 2 },
      { kind: 'menu-item', sourceId: 'm3', menu: 'footer', label: 'Analysis', target: { kind: 'section', sourceId: 'c1' }, position: 1 },
    ]);
    const about = getDb().select().from(pages).where(eq(pages.slug, 'about')).get();
    expect(about).toMatchObject({ status: 'published', title: 'About us', publishedTitle: 'About us' });
    expect(about!.publishedAt?.toISOString()).toBe('2019-03-04T09:30:00.000Z');
    expect(JSON.stringify(about!.publishedBody)).toContain('We publish.');
    const tips = getDb().select().from(pages).where(eq(pages.title, 'Search tips')).get();
    expect(tips).toMatchObject({ status: 'draft', slug: 'search-2', publishedBody: null });
    expect(report.warnings).toContainEqual({ item: 'page "Search tips" (41)', message: expect.stringContaining('search-2') });
    const menu = getDb().select().from(navigationItems).all().map((row) => [row.menu, row.label, row.href, row.position]);
    expect(menu).toEqual([
      ['header', 'About', '/about', 1],
      ['header', 'Lead story', '/articles/the-treaty-that-lapsed', 2],
      ['footer', 'Analysis', '/sections/analysis', 1],
    ]);
    expect(getDb().select().from(redirects).where(eq(redirects.fromPath, '/?page_id=40')).get()?.toPath).toBe('/about');
  });
});

describe('images', () => {
  async function uploadsFolder(): Promise<string> {
    const folder = makeTempFolder();
    fs.mkdirSync(path.join(folder, '2019', '03'), { recursive: true });
    fs.writeFileSync(path.join(folder, '2019', '03', 'parade.jpg'), await makeImage({ format: 'jpeg', width: 640, height: 400 }));
    return folder;
  }

  it('stores images from the media folder with alt and caption, and leaves out the figure of one it cannot find', async () => {
    const mediaDir = await uploadsFolder();
    const items: ImportItem[] = [
      ...siteItems().filter((item) => item.kind !== 'post'),
      { kind: 'media', sourceId: '90', url: `${SITE}/wp-content/uploads/2019/03/parade.jpg`, alt: 'Missiles on parade', caption: 'Moscow, May 2019' },
      post({
        html: `<p>Opening.</p><figure><img src="${SITE}/wp-content/uploads/2019/03/parade.jpg" alt="Missiles on parade"><figcaption>Moscow, May 2019</figcaption></figure><figure><img src="/wp-content/uploads/2019/03/missing.jpg" alt="Gone"><figcaption>Lost caption</figcaption></figure><p>Closing.</p>`,
        featuredImage: { mediaSourceId: '90' },
      }),
    ];
    const report = await runImport(items, { mediaDir });
    const stored = getDb().select().from(media).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ alt: 'Missiles on parade', caption: 'Moscow, May 2019', width: 640 });
    expect(stored[0]!.variants.length).toBeGreaterThan(0);
    const shown = getPublishedArticle('the-treaty-that-lapsed')!;
    expect(shown.html).toContain('alt="Missiles on parade"');
    expect(shown.html).toContain(`data-media-id="${stored[0]!.id}"`);
    expect(shown.html).not.toContain('Lost caption');
    expect(shown.html).toContain('Closing.');
    expect(getDb().select().from(articles).get()?.featuredMediaId).toBe(stored[0]!.id);
    expect(report.warnings).toContainEqual({ item: 'post "The treaty that lapsed" (12)', message: expect.stringContaining(`${SITE}/wp-content/uploads/2019/03/missing.jpg`) });

    const again = await runImport(items, { mediaDir });
    expect(getDb().select().from(media).all()).toHaveLength(1);
    expect(again.counts.media).toMatchObject({ unchanged: 1 });
  });

  describe('over HTTP', () => {
    let server: http.Server | null = null;
    afterEach(async () => {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
      server = null;
    });

    it('fetches an image once, and gives up on one that does not answer in time', async () => {
      const jpeg = await makeImage({ format: 'jpeg', width: 320, height: 200 });
      const asked: string[] = [];
      server = http.createServer((request, response) => {
        asked.push(request.url ?? '');
        if (request.url === '/slow.jpg') return; // never answers
        if (request.url === '/photo.jpg') {
          response.writeHead(200, { 'Content-Type': 'image/jpeg' });
          response.end(jpeg);
          return;
        }
        response.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const items: ImportItem[] = [
        ...siteItems().filter((item) => item.kind !== 'post'),
        post({ html: `<p>Text.</p><img src="${origin}/photo.jpg" alt="A photo"><img src="${origin}/slow.jpg" alt="Slow"><img src="${origin}/absent.jpg" alt="Absent">` }),
      ];
      const report = await runImport(items, { fetchImages: true, fetchTimeoutMs: 300 });
      expect(getDb().select().from(media).all()).toMatchObject([{ alt: 'A photo', width: 320 }]);
      const html = getPublishedArticle('the-treaty-that-lapsed')!.html;
      expect(html.match(/<figure/g)).toHaveLength(1);
      const messages = report.warnings.map((warning) => warning.message).join('\n');
      expect(messages).toContain(`${origin}/slow.jpg`);
      expect(messages).toMatch(/did not answer within/);
      expect(messages).toContain(`${origin}/absent.jpg`);
      expect(messages).toContain('404');

      asked.length = 0;
      await runImport([...items.slice(0, -1), post({ title: 'Changed', html: `<p>Text.</p><img src="${origin}/photo.jpg" alt="A photo">` })], { fetchImages: true, fetchTimeoutMs: 300 });
      expect(asked).toEqual([]);
      expect(getDb().select().from(media).all()).toHaveLength(1);
    });
  });
});

describe('reader caches', () => {
  it('expires the pages of what the import published', async () => {
    const store = { route: '/desk', page: '/desk/page', incrementalCache: {}, isStaticGeneration: false } as unknown as Parameters<typeof workAsyncStorage.run>[0];
    const actor = await adminId();
    await workAsyncStorage.run(store, () => importFromReader({ reader: readerOf(siteItems()), dryRun: false, actorId: actor, media: { fetchImages: false } }));
    const expired = ((store as { pendingRevalidatedTags?: { tag: string }[] }).pendingRevalidatedTags ?? []).map((entry) => entry.tag);
    const id = getPublishedArticle('the-treaty-that-lapsed')!.id;
    expect(expired.some((tag) => tag.includes(String(id)))).toBe(true);
  });
});
