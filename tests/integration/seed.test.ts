import { and, count, eq } from 'drizzle-orm';
import worldCountries from 'world-countries';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleEntities, articles, entities, entityAliases, issues, revisions, sections, users } from '@/db/schema';
import { DEMO_PASSWORD, seedDemoMagazine } from '@/scripts/seed/seed-demo-magazine';
import { authenticateStaff } from '@/lib/staff/auth/authenticate-staff';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { getIssueContents } from '@/lib/issues/get-issue';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function countOf(kind: 'country' | 'treaty' | 'person' | 'organization' | 'topic'): number {
  return getDb().select({ value: count() }).from(entities).where(eq(entities.kind, kind)).get()?.value ?? 0;
}

describe('demo magazine', () => {
  it('has an April 2025 issue with volume and number and at least 8 articles across News, Features and Analysis', async () => {
    await seedDemoMagazine(getDb());
    const issue = getDb().select().from(issues).where(eq(issues.slug, '2025-04')).get();
    expect(issue).toMatchObject({ title: 'April 2025', status: 'published' });
    expect(issue!.volume).toBeGreaterThan(0);
    expect(issue!.number).toBeGreaterThan(0);
    const contents = getIssueContents('2025-04')!;
    const bySection = Object.fromEntries(contents.sections.map((section) => [section.name, section.articles.length]));
    expect(bySection.News).toBeGreaterThan(0);
    expect(bySection.Features).toBeGreaterThan(0);
    expect(bySection.Analysis).toBeGreaterThan(0);
    expect(contents.sections.reduce((total, section) => total + section.articles.length, 0)).toBeGreaterThanOrEqual(8);
    expect(getDb().select({ value: count() }).from(issues).get()?.value).toBeGreaterThanOrEqual(2);
    expect(getDb().select().from(sections).all().map((section) => section.slug)).toEqual(
      expect.arrayContaining(['news', 'features', 'analysis']),
    );
  });

  it('every article is valid and tagged with entities; the published ones are published from a revision', async () => {
    await seedDemoMagazine(getDb());
    const rows = getDb().select().from(articles).all();
    expect(rows.filter((article) => article.status === 'published').length).toBeGreaterThanOrEqual(20);
    for (const article of rows) {
      expect(validateArticleDoc(article.body).ok, article.slug).toBe(true);
      expect(article.wordCount, article.slug).toBeGreaterThan(150);
      const tags = getDb().select({ value: count() }).from(articleEntities).where(eq(articleEntities.articleId, article.id)).get()?.value;
      expect(tags, article.slug).toBeGreaterThanOrEqual(2);
      if (article.status !== 'published') {
        expect(article.publishedRevisionId, article.slug).toBeNull();
        continue;
      }
      const revision = getDb().select().from(revisions).where(eq(revisions.id, article.publishedRevisionId!)).get();
      expect(revision?.title).toBe(article.title);
    }
  });

  it('has every officially assigned ISO 3166 country with slugs from common names', async () => {
    await seedDemoMagazine(getDb());
    const iso = worldCountries.filter((country) => country.status === 'officially-assigned');
    expect(iso.length).toBeGreaterThanOrEqual(249);
    expect(countOf('country')).toBe(iso.length);
    const russia = getDb().select().from(entities).where(and(eq(entities.kind, 'country'), eq(entities.slug, 'russia'))).get();
    expect(russia?.facts).toMatchObject({ iso2: 'RU', iso3: 'RUS' });
    const aliases = getDb().select({ alias: entityAliases.alias }).from(entityAliases).where(eq(entityAliases.entityId, russia!.id)).all();
    expect(aliases.map((row) => row.alias)).toContain('Russian Federation');
  });

  it('has at least 30 treaties, 20 organizations and 12 people, with aliases and facts', async () => {
    await seedDemoMagazine(getDb());
    expect(countOf('treaty')).toBeGreaterThanOrEqual(30);
    expect(countOf('organization')).toBeGreaterThanOrEqual(20);
    expect(countOf('person')).toBeGreaterThanOrEqual(12);
    const mineBan = getDb().select().from(entities).where(and(eq(entities.kind, 'treaty'), eq(entities.slug, 'mine-ban-treaty'))).get();
    expect(mineBan?.facts).toMatchObject({ openedForSignature: '1997-12-03', entryIntoForce: '1999-03-01' });
    const aliases = getDb().select({ alias: entityAliases.alias }).from(entityAliases).where(eq(entityAliases.entityId, mineBan!.id)).all();
    expect(aliases.map((row) => row.alias)).toContain('Ottawa Convention');
    for (const acronym of ['nato', 'iaea', 'opcw', 'ctbto', 'icbl']) {
      expect(getDb().select().from(entities).where(and(eq(entities.kind, 'organization'), eq(entities.slug, acronym))).get(), acronym).toBeTruthy();
    }
  });

  it('creates the three demo staff accounts, each able to sign in', async () => {
    await seedDemoMagazine(getDb());
    const staff = getDb().select({ email: users.email, role: users.role }).from(users).all();
    expect(staff).toEqual(
      expect.arrayContaining([
        { email: 'admin@demo.masthead', role: 'admin' },
        { email: 'editor@demo.masthead', role: 'editor' },
        { email: 'author@demo.masthead', role: 'author' },
      ]),
    );
    for (const { email } of staff) {
      expect((await authenticateStaff({ email, password: DEMO_PASSWORD, ip: '192.0.2.1' })).ok, email).toBe(true);
    }
  });

  it('refuses to load into a database that already has content, changing nothing', async () => {
    await seedDemoMagazine(getDb());
    const before = getDb().select({ value: count() }).from(articles).get()?.value;
    await expect(seedDemoMagazine(getDb())).rejects.toThrow(/already has content/);
    expect(getDb().select({ value: count() }).from(articles).get()?.value).toBe(before);
  });
});
