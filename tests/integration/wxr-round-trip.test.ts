import fs from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { articleAuthors, articles, contributors, navigationItems, pages, sections } from '@/db/schema';
import { seedDemoMagazine } from '@/scripts/seed/seed-demo-magazine';
import { renderWxr } from '@/lib/migration/export/export-wxr';
import type { ImportSourceReader } from '@/lib/migration/import/import-model';
import { createTestStaff } from '../factories/staff';
import { makeTempFolder } from '../factories/temp-database';

// The WordPress reader and the import writer live in their own modules; this proves they read what the exporter writes.
const READER_MODULE = path.resolve(import.meta.dirname, '../../lib/migration/wordpress/open-wordpress-export.ts');
const WRITER_MODULE = path.resolve(import.meta.dirname, '../../lib/migration/import/import-from-reader.ts');
const hasImporter = fs.existsSync(READER_MODULE) && fs.existsSync(WRITER_MODULE);

type ImportFromReader = (options: { reader: ImportSourceReader; dryRun: boolean; actorId: number | null; media: { fetchImages: boolean } }) => Promise<{ counts: Record<string, { failed: number }> }>;

const folders: string[] = [];
afterEach(() => {
  closeDb();
  delete process.env.DATABASE_PATH;
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function useNewDatabase(): string {
  const folder = makeTempFolder();
  folders.push(folder);
  closeDb();
  process.env.DATABASE_PATH = path.join(folder, 'masthead.db');
  getDb();
  return folder;
}

/** Our workflow's states as WordPress can carry them: publish, future, pending and draft. */
const AFTER_WORDPRESS = { draft: 'draft', changes_requested: 'draft', in_review: 'in_review', approved: 'in_review', scheduled: 'scheduled', published: 'published', unpublished: 'draft' } as const;

/** What survives a trip through WordPress: each article's title, slug, status, date, dek, text, section and lead author; pages and menus. */
function readMagazine() {
  const db = getDb();
  const leadAuthor = (articleId: number) =>
    db
      .select({ name: contributors.name })
      .from(articleAuthors)
      .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
      .where(eq(articleAuthors.articleId, articleId))
      .orderBy(asc(articleAuthors.position))
      .get()?.name ?? null;
  return {
    articles: db
      .select({ id: articles.id, slug: articles.slug, title: articles.title, dek: articles.dek, status: articles.status, publishedAt: articles.publishedAt, bodyText: articles.bodyText, section: sections.slug })
      .from(articles)
      .leftJoin(sections, eq(sections.id, articles.sectionId))
      .orderBy(asc(articles.slug))
      .all()
      .map(({ id, publishedAt, bodyText, ...row }) => ({
        ...row,
        publishedAt: row.status === 'published' ? publishedAt?.toISOString().slice(0, 19) : null,
        text: bodyText.replace(/\s+/g, ' ').trim(),
        leadAuthor: leadAuthor(id),
      })),
    sections: db.select({ slug: sections.slug, name: sections.name }).from(sections).orderBy(asc(sections.slug)).all(),
    pages: db.select({ slug: pages.slug, title: pages.title, status: pages.status }).from(pages).orderBy(asc(pages.slug)).all(),
    navigation: db
      .select({ menu: navigationItems.menu, label: navigationItems.label, href: navigationItems.href })
      .from(navigationItems)
      .orderBy(asc(navigationItems.menu), asc(navigationItems.position))
      .all()
      .map((item) => ({ ...item, href: item.href.replace(/^https?:\/\/localhost:3000/, '') })),
  };
}

describe.skipIf(!hasImporter)('our WordPress file, read back by our WordPress importer', () => {
  it('gives the same articles, sections, pages and menus', async () => {
    useNewDatabase();
    await seedDemoMagazine(getDb());
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Who we are.' }] }] };
    getDb().insert(pages).values({ slug: 'contact', title: 'Contact', body, status: 'published', publishedTitle: 'Contact', publishedBody: body, publishedAt: new Date('2025-01-01T00:00:00Z') }).run();
    getDb().insert(navigationItems).values({ menu: 'header', label: 'Contact', href: '/contact', position: 0 }).run();
    const before = readMagazine();
    const wxrFolder = makeTempFolder();
    folders.push(wxrFolder);
    const file = path.join(wxrFolder, 'wordpress.xml');
    fs.writeFileSync(file, renderWxr());

    useNewDatabase();
    const { openWordPressExport } = (await import(/* @vite-ignore */ READER_MODULE)) as { openWordPressExport: (filePath: string) => ImportSourceReader };
    const { importFromReader } = (await import(/* @vite-ignore */ WRITER_MODULE)) as { importFromReader: ImportFromReader };
    const admin = await createTestStaff({ role: 'admin' });
    const report = await importFromReader({ reader: openWordPressExport(file), dryRun: false, actorId: admin.id, media: { fetchImages: false } });
    expect(Object.values(report.counts).reduce((total, kind) => total + kind.failed, 0)).toBe(0);
    const after = readMagazine();

    expect(after.sections).toEqual(before.sections);
    expect(after.pages).toEqual(before.pages);
    expect(after.navigation).toEqual(before.navigation);
    expect(after.articles).toEqual(before.articles.map((article) => ({ ...article, status: AFTER_WORDPRESS[article.status] })));
  }, 120_000);
});
