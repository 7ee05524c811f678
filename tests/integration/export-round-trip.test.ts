import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import {
  articles,
  articleSlugHistory,
  contributors,
  entities,
  entityRedirects,
  institutionDomains,
  institutionIpRanges,
  institutions,
  issues,
  memberships,
  membershipTiers,
  navigationItems,
  pages,
  redirects,
  sections,
  subscribers,
  users,
} from '@/db/schema';
import { seedDemoMagazine } from '@/scripts/seed/seed-demo-magazine';
import { getHomePage } from '@/lib/site/get-home-page';
import { getArticlePage } from '@/lib/site/get-article-page';
import { getIssueContents, listPublishedIssues } from '@/lib/issues/get-issue';
import { listIssueArchive } from '@/lib/issues/list-issue-archive';
import { getSectionPage } from '@/lib/site/sections/get-section-page';
import { getAuthorPage } from '@/lib/site/authors/get-author-page';
import { getEntityPage } from '@/lib/entities/get-entity-page';
import { resolveEntityRedirect } from '@/lib/entities/resolve-entity-redirect';
import { findCurrentArticleSlug } from '@/lib/articles/find-current-article-slug';
import { listCorrections } from '@/lib/articles/list-corrections';
import { getSiteFeed } from '@/lib/site/feeds/get-site-feed';
import { getAuthorFeed } from '@/lib/site/feeds/get-author-feed';
import { getSectionFeed } from '@/lib/site/feeds/get-section-feed';
import { getIssueFeed } from '@/lib/site/feeds/get-issue-feed';
import { getEntityFeed } from '@/lib/site/feeds/get-entity-feed';
import { listSitemapEntries } from '@/lib/site/feeds/list-sitemap-entries';
import { searchArticles } from '@/lib/site/search/search-articles';
import { getSiteSettings, updateSiteSettings } from '@/lib/platform/settings/site-settings';
import { storeUpload } from '@/lib/media/store-upload';
import { exportSite } from '@/lib/migration/export/export-site';
import { folderExportWriter } from '@/lib/migration/export/export-writer';
import { importMastheadExport } from '@/lib/migration/export/import-masthead-export';
import { mastheadExportSchema } from '@/lib/migration/export/export-schema';
import { makeImage } from '../factories/image';
import { makeTempFolder } from '../factories/temp-database';
import { republishTestArticle } from '../factories/publication';

// The reader pages are cached by Next; outside it the cache calls only need to do nothing.
vi.mock('next/cache', async (original) => ({ ...(await original<Record<string, unknown>>()), cacheLife: () => undefined, cacheTag: () => undefined }));

const SITE_URL = 'http://localhost:3000';
const folders: string[] = [];

function useDatabase(folder: string): void {
  closeDb();
  process.env.DATABASE_PATH = path.join(folder, 'masthead.db');
  getDb();
}

afterEach(() => {
  closeDb();
  delete process.env.DATABASE_PATH;
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = makeTempFolder();
  folders.push(folder);
  return folder;
}

/** The demo magazine plus what it lacks: an image, a correction, an old slug, a page, menus, redirects, subscribers. */
async function seedRichMagazine(): Promise<void> {
  const db = getDb();
  await seedDemoMagazine(db);
  updateSiteSettings({ siteName: 'The Policy Review', timeZone: 'Europe/Berlin', linkedEntityKinds: ['person', 'treaty'] });
  const admin = db.select().from(users).where(eq(users.role, 'admin')).get()!;
  const upload = await storeUpload({
    bytes: await makeImage({ format: 'jpeg', width: 1600, height: 900 }),
    originalName: 'harbour.jpg',
    declaredType: 'image/jpeg',
    alt: 'A harbour at dawn',
    caption: 'The port of Rotterdam',
    credit: 'Staff photographer',
    actorId: admin.id,
  });
  if (!upload.ok) throw new Error(upload.error);
  const published = db.select().from(articles).where(and(eq(articles.status, 'published'), isNotNull(articles.publishedRevisionId))).all();
  const [first, second] = published;
  db.update(articles).set({ featuredMediaId: upload.media.id }).where(eq(articles.id, first!.id)).run();
  db.update(issues).set({ coverMediaId: upload.media.id }).where(eq(issues.status, 'published')).run();
  republishTestArticle({ articleId: first!.id, at: new Date('2025-05-02T10:00:00Z'), correction: { kind: 'correction', note: 'An earlier version misstated the tariff rate.' } });
  db.insert(articleSlugHistory).values({ slug: `${second!.slug}-old`, articleId: second!.id, createdAt: new Date('2025-04-01T00:00:00Z') }).run();
  const entity = db.select().from(entities).where(eq(entities.kind, 'person')).get()!;
  db.insert(entityRedirects).values({ kind: entity.kind, slug: `${entity.slug}-former`, entityId: entity.id }).run();
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We publish analysis of international policy.' }] }] };
  db.insert(pages).values({ slug: 'editorial-board', title: 'Contact us', body, status: 'published', publishedTitle: 'Contact us', publishedBody: body, publishedAt: new Date('2025-01-01T00:00:00Z') }).run();
  db.insert(pages).values({ slug: 'contact', title: 'Contact (draft)', body, status: 'draft' }).run();
  db.insert(navigationItems).values([
    { menu: 'header', label: 'Contact', href: '/editorial-board', position: 0 },
    { menu: 'footer', label: 'Feed', href: '/feed.xml', position: 0 },
  ]).run();
  db.insert(redirects).values([
    { fromPath: '/?p=12', toPath: `/articles/${second!.slug}`, origin: 'wordpress', hits: 3 },
    { fromPath: '/old-about', toPath: '/editorial-board', origin: 'manual' },
  ]).run();
  db.insert(subscribers).values([
    { email: 'ada@example.org', name: 'Ada', status: 'confirmed', confirmedAt: new Date('2025-02-01T08:00:00Z') },
    { email: 'bo@example.org', status: 'unsubscribed', confirmedAt: new Date('2025-02-01T08:00:00Z'), unsubscribedAt: new Date('2025-03-01T08:00:00Z'), wantsIssueEmail: false },
    { email: 'cy@example.org', status: 'pending' },
  ]).run();
  // Members and institutions: who may read the gated articles must travel with them.
  const ada = db.select().from(subscribers).where(eq(subscribers.email, 'ada@example.org')).get()!;
  const tier = db.insert(membershipTiers).values({ name: 'Patron', slug: 'patron', description: 'Supports the reporting', monthlyPriceCents: 900, yearlyPriceCents: 9000, currency: 'eur', benefits: ['The archive'], providerMonthlyPriceId: 'price_patron_m' }).returning().get();
  db.insert(memberships).values([
    { subscriberId: ada.id, tierId: tier.id, source: 'complimentary', startsAt: new Date('2025-01-01T00:00:00Z'), endsAt: new Date('2027-01-01T00:00:00Z'), note: 'Board member' },
    { subscriberId: ada.id, tierId: tier.id, source: 'payment', status: 'canceled', startsAt: new Date('2024-01-01T00:00:00Z'), providerCustomerId: 'cus_1', providerSubscriptionId: 'sub_1', providerUpdatedAt: 1_700_000_000_000 },
  ]).run();
  db.update(articles).set({ access: 'tiers', accessTierIds: [tier.id], publishedAccess: 'tiers', publishedAccessTierIds: [tier.id] }).where(eq(articles.id, second!.id)).run();
  db.update(issues).set({ defaultAccess: 'members', archiveFreeAfterMonths: 12 }).where(eq(issues.status, 'published')).run();
  const library = db.insert(institutions).values({ name: 'City Library', slug: 'city-library', tierId: tier.id, seats: 20, startsAt: new Date('2025-01-01T00:00:00Z'), contactEmail: 'librarian@library.example.edu' }).returning().get();
  db.insert(institutionIpRanges).values([
    { institutionId: library.id, cidr: '192.0.2.0/24', family: 4, first: 'c0000200', last: 'c00002ff' },
    { institutionId: library.id, cidr: '2001:db8::/32', family: 6, first: '20010db8000000000000000000000000', last: '20010db8ffffffffffffffffffffffff' },
  ]).run();
  db.insert(institutionDomains).values({ institutionId: library.id, domain: 'library.example.edu' }).run();
}

/** Tiers, memberships (by reader address), institutions with their rules, and each article's and issue's access. */
function readAccessRecords() {
  const db = getDb();
  return {
    tiers: db.select().from(membershipTiers).all().map(({ createdAt: _c, updatedAt: _u, ...tier }) => tier),
    memberships: db
      .select({ email: subscribers.email, tierId: memberships.tierId, source: memberships.source, status: memberships.status, startsAt: memberships.startsAt, endsAt: memberships.endsAt, providerSubscriptionId: memberships.providerSubscriptionId, providerUpdatedAt: memberships.providerUpdatedAt, note: memberships.note })
      .from(memberships)
      .innerJoin(subscribers, eq(subscribers.id, memberships.subscriberId))
      .orderBy(memberships.startsAt)
      .all(),
    institutions: db.select().from(institutions).all().map(({ createdAt: _c, updatedAt: _u, ...institution }) => institution),
    ranges: db.select({ institutionId: institutionIpRanges.institutionId, cidr: institutionIpRanges.cidr, family: institutionIpRanges.family, first: institutionIpRanges.first, last: institutionIpRanges.last }).from(institutionIpRanges).all(),
    domains: db.select({ institutionId: institutionDomains.institutionId, domain: institutionDomains.domain }).from(institutionDomains).all(),
    articles: db.select({ id: articles.id, access: articles.access, accessTierIds: articles.accessTierIds, publishedAccess: articles.publishedAccess, publishedAccessTierIds: articles.publishedAccessTierIds }).from(articles).all(),
    issues: db.select({ id: issues.id, defaultAccess: issues.defaultAccess, archiveFreeAfterMonths: issues.archiveFreeAfterMonths }).from(issues).all(),
  };
}

/** Everything the public site reads, page by page, from the database open now. */
async function readPublicSite() {
  // A feed with nothing in it is dated by the clock; both reads stand at the same moment.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-15T12:00:00Z') });
  try {
    return await readPublicSiteNow();
  } finally {
    vi.useRealTimers();
  }
}

async function readPublicSiteNow() {
  const db = getDb();
  const sitemap = listSitemapEntries();
  const articleSlugs = sitemap.filter((entry) => entry.path.startsWith('/articles/')).map((entry) => entry.path.slice('/articles/'.length));
  const sectionSlugs = db.select({ slug: sections.slug }).from(sections).all().map((row) => row.slug);
  const authorSlugs = db.select({ slug: contributors.slug }).from(contributors).all().map((row) => row.slug);
  const entityKeys = db.select({ kind: entities.kind, slug: entities.slug }).from(entities).all();
  const issueSlugs = db.select({ slug: issues.slug }).from(issues).all().map((row) => row.slug);
  const oldSlugs = db.select({ slug: articleSlugHistory.slug }).from(articleSlugHistory).all().map((row) => row.slug);
  const movedEntities = db.select({ kind: entityRedirects.kind, slug: entityRedirects.slug }).from(entityRedirects).all();
  return {
    settings: getSiteSettings(),
    sitemap,
    home: await getHomePage(),
    articles: Object.fromEntries(await Promise.all(articleSlugs.map(async (slug) => [slug, await getArticlePage(slug)] as const))),
    issues: { list: listPublishedIssues(), archive: listIssueArchive(), contents: Object.fromEntries(issueSlugs.map((slug) => [slug, getIssueContents(slug)])) },
    sections: Object.fromEntries(sectionSlugs.map((slug) => [slug, getSectionPage({ slug, page: 1 })])),
    authors: Object.fromEntries(authorSlugs.map((slug) => [slug, getAuthorPage({ slug, page: 1 })])),
    entities: Object.fromEntries(entityKeys.map(({ kind, slug }) => [`${kind}/${slug}`, getEntityPage({ kind, slug, page: 1 })])),
    oldAddresses: {
      articles: Object.fromEntries(oldSlugs.map((slug) => [slug, findCurrentArticleSlug(slug)])),
      entities: Object.fromEntries(movedEntities.map((moved) => [`${moved.kind}/${moved.slug}`, resolveEntityRedirect(moved)])),
      redirects: db.select({ fromPath: redirects.fromPath, toPath: redirects.toPath, origin: redirects.origin, hits: redirects.hits }).from(redirects).all(),
    },
    corrections: listCorrections(),
    feeds: {
      rss: getSiteFeed({ siteUrl: SITE_URL, format: 'rss' }),
      atom: getSiteFeed({ siteUrl: SITE_URL, format: 'atom' }),
      sections: sectionSlugs.map((slug) => getSectionFeed({ slug, siteUrl: SITE_URL })),
      authors: authorSlugs.map((slug) => getAuthorFeed({ slug, siteUrl: SITE_URL })),
      issues: issueSlugs.map((slug) => getIssueFeed({ slug, siteUrl: SITE_URL })),
      entities: entityKeys.slice(0, 40).map(({ kind, slug }) => getEntityFeed({ kind, slug, siteUrl: SITE_URL })),
    },
    search: ['trade', 'climate', 'election'].map((q) => searchArticles({ q })),
    pages: db.select({ slug: pages.slug, status: pages.status, title: pages.publishedTitle, body: pages.publishedBody }).from(pages).all(),
    navigation: db.select({ menu: navigationItems.menu, label: navigationItems.label, href: navigationItems.href, position: navigationItems.position }).from(navigationItems).all(),
    subscribers: db
      .select({ email: subscribers.email, status: subscribers.status, confirmedAt: subscribers.confirmedAt, unsubscribedAt: subscribers.unsubscribedAt, wantsIssueEmail: subscribers.wantsIssueEmail })
      .from(subscribers)
      .all(),
  };
}

/**
 * What must differ between two installs, and nothing else: image addresses carry a signature keyed by
 * each install's own secret (secrets are never exported), and search reports how long it took.
 */
function comparable(site: unknown): unknown {
  const text = JSON.stringify(site, (key, value) => (key === 'tookMs' ? undefined : value));
  return JSON.parse(text.replace(/\/api\/media\/(\d+)-[\w-]{22}\//g, '/api/media/$1-signed/'));
}

describe('export, then import into an empty database', () => {
  it('shows every public page the same: home, articles, issues, sections, authors, entities, feeds, sitemap, search', async () => {
    const source = newFolder();
    useDatabase(source);
    await seedRichMagazine();
    const before = await readPublicSite();
    const accessBefore = readAccessRecords();
    const exported = newFolder();
    const result = await exportSite({ write: folderExportWriter(exported) });
    expect(result.warnings).toEqual([]);
    expect(result.counts.mediaFiles).toBeGreaterThan(1);

    const target = newFolder();
    useDatabase(target);
    const counts = importMastheadExport(exported);
    expect(counts.articles).toBe(result.counts.articles);
    const after = await readPublicSite();

    expect(Object.keys(before.articles).length).toBeGreaterThanOrEqual(20);
    expect(before.home.issue?.cover).toBeTruthy();
    expect(before.corrections?.total).toBeGreaterThan(0);
    expect(before.subscribers.find((reader) => reader.email === 'bo@example.org')?.status).toBe('unsubscribed');
    expect(comparable(after)).toEqual(comparable(before));
    expect(accessBefore.memberships).toHaveLength(2);
    expect(accessBefore.articles.filter((article) => article.access !== 'public').length).toBeGreaterThanOrEqual(3);
    expect(readAccessRecords()).toEqual(accessBefore);
    // The image files are there too, byte for byte.
    const image = fs.readdirSync(path.join(target, 'media'), { recursive: true }).filter((name) => String(name).includes('.')).sort();
    expect(image).toEqual(fs.readdirSync(path.join(source, 'media'), { recursive: true }).filter((name) => String(name).includes('.')).sort());
    // No staff account travels: the new database has no users at all.
    expect(getDb().select().from(users).all()).toEqual([]);
  }, 60_000);

  it('refuses a database that already holds articles, and changes nothing there', async () => {
    const source = newFolder();
    useDatabase(source);
    await seedDemoMagazine(getDb());
    const exported = newFolder();
    await exportSite({ write: folderExportWriter(exported), includeWxr: false });
    const held = getDb().select().from(articles).all().length;
    expect(() => importMastheadExport(exported)).toThrow(`This database already holds ${held} articles; a Masthead export is restored only into a new, empty database`);
    expect(getDb().select().from(articles).all().length).toBe(held);
  });

  it('writes a document the export schema accepts, with no password hash or secret in any file', async () => {
    const source = newFolder();
    useDatabase(source);
    await seedRichMagazine();
    const exported = newFolder();
    await exportSite({ write: folderExportWriter(exported) });
    const json = JSON.parse(fs.readFileSync(path.join(exported, 'masthead-export.json'), 'utf8'));
    const parsed = mastheadExportSchema.safeParse(json);
    expect(parsed.success ? 'valid' : parsed.error.issues.slice(0, 3)).toBe('valid');
    const hashes = getDb().select({ hash: users.passwordHash, email: users.email }).from(users).all();
    for (const file of ['masthead-export.json', 'subscribers.csv', 'redirects.csv', 'wordpress.xml']) {
      const text = fs.readFileSync(path.join(exported, file), 'utf8');
      for (const { hash, email } of hashes) {
        expect(text, file).not.toContain(hash);
        expect(text, file).not.toContain(email);
      }
      expect(text, file).not.toMatch(/passwordHash|password_hash|tokenHash|token_hash/);
    }
    const csv = fs.readFileSync(path.join(exported, 'subscribers.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('email,name,status,wants_issue_email,alert_frequency,confirmed_at,unsubscribed_at,created_at');
    expect(csv.find((line) => line.startsWith('bo@example.org'))).toMatch(/^bo@example.org,,unsubscribed,no,instant,2025-02-01T08:00:00.000Z,2025-03-01T08:00:00.000Z,/);
  });
});
