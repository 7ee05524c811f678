// Before anything loads Next's cache functions, which need the request storage a server provides.
import '../support/next-async-local-storage';
import fs from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleAuthors, articleEntities, articles, contributors, entities, pages, redirects, sections } from '@/db/schema';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { importFromReader, type ImportReport } from '@/lib/migration/import/import-from-reader';
import { openWordPressExport } from '@/lib/migration/wordpress/open-wordpress-export';
import { makeImage } from '../factories/image';
import { withTempMediaFolder } from '../factories/media-folder';
import { createTestStaff } from '../factories/staff';
import { makeTempFolder, withTempDatabase } from '../factories/temp-database';

withTempDatabase();
withTempMediaFolder();

/** A long-lived site's export: a BOM, Windows line ends, Cyrillic addresses, reusable blocks, old embeds, missing dates. */
const FIXTURE = path.join(process.cwd(), 'tests/fixtures/import/wordpress/real-quirks.xml');

async function importFixture({ dryRun = false, mediaDir }: { dryRun?: boolean; mediaDir?: string } = {}): Promise<ImportReport> {
  const admin = await createTestStaff({ role: 'admin' });
  return importFromReader({ reader: openWordPressExport(FIXTURE), dryRun, actorId: admin.id, media: { fetchImages: false, ...(mediaDir ? { mediaDir } : {}) } });
}

/** A copy of the old site's wp-content/uploads, holding the images the captioned post shows. */
async function uploadsFolder(): Promise<string> {
  const folder = makeTempFolder();
  fs.mkdirSync(path.join(folder, '2021', '05'), { recursive: true });
  for (const name of ['bridge.jpg', 'line.jpg']) fs.writeFileSync(path.join(folder, '2021', '05', name), await makeImage({ format: 'jpeg', width: 300, height: 200 }));
  return folder;
}

function articleTitled(title: string) {
  const row = getDb().select().from(articles).where(eq(articles.title, title)).get();
  if (!row) throw new Error(`No article titled ${title}`);
  return row;
}

function sectionOf(title: string): string | null {
  const { sectionId } = articleTitled(title);
  return sectionId === null ? null : (getDb().select({ name: sections.name }).from(sections).where(eq(sections.id, sectionId)).get()?.name ?? null);
}

function bylineOf(title: string): string[] {
  return getDb()
    .select({ name: contributors.name })
    .from(articleAuthors)
    .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
    .where(eq(articleAuthors.articleId, articleTitled(title).id))
    .orderBy(asc(articleAuthors.position))
    .all()
    .map((row) => row.name);
}

function redirectFrom(fromPath: string): string | undefined {
  return getDb().select({ toPath: redirects.toPath }).from(redirects).where(eq(redirects.fromPath, fromPath)).get()?.toPath;
}

function linksIn(doc: JSONContent): string[] {
  const hrefs: string[] = [];
  const walk = (node: JSONContent) => {
    for (const mark of node.marks ?? []) if (mark.type === 'link') hrefs.push(String(mark.attrs?.href));
    node.content?.forEach(walk);
  };
  walk(doc);
  return hrefs;
}

function messagesAbout(report: ImportReport, words: string): string[] {
  return report.warnings.filter((warning) => warning.item.includes(words) || warning.message.includes(words)).map((warning) => warning.message);
}

describe('importing a real-world WordPress export', () => {
  it('gives two categories named without Latin letters a section each, instead of folding the second into the first', async () => {
    await importFixture();
    const names = getDb().select({ name: sections.name, slug: sections.slug }).from(sections).orderBy(asc(sections.id)).all();
    expect(names.map((section) => section.name)).toEqual(['Безопасность', 'Дипломатия', 'Arms & Trade']);
    expect(new Set(names.map((section) => section.slug)).size).toBe(3);
    expect(sectionOf('Ядерный договор')).toBe('Безопасность');
    expect(sectionOf('Переговоры в Вене')).toBe('Дипломатия');
    const diplomacy = names.find((section) => section.name === 'Дипломатия')!;
    expect(redirectFrom('/category/%D0%B4%D0%B8%D0%BF%D0%BB%D0%BE%D0%BC%D0%B0%D1%82%D0%B8%D1%8F')).toBe(`/sections/${diplomacy.slug}`);
  });

  it('gives a post whose address has no Latin letters an address named by its WordPress id, and redirects the old one there', async () => {
    const report = await importFixture();
    const treaty = articleTitled('Ядерный договор');
    const talks = articleTitled('Переговоры в Вене');
    expect([treaty.slug, talks.slug]).toEqual(['post-201', 'post-202']);
    expect(treaty.bodyText).toBe('Договор истёк в феврале.');
    expect(redirectFrom('/2021/02/%D1%8F%D0%B4%D0%B5%D1%80%D0%BD%D1%8B%D0%B9-%D0%B4%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D1%80')).toBe('/articles/post-201');
    expect(messagesAbout(report, 'Ядерный договор')).toContain(
      'Its address “ядерный-договор” has no Latin letters or digits, which addresses here are made of; it is imported at /articles/post-201, and the old address redirects there.',
    );
  });

  it('gives a page whose address has no Latin letters an address named by its WordPress id', async () => {
    const report = await importFixture();
    const about = getDb().select().from(pages).where(eq(pages.title, 'О нас')).get();
    expect(about).toMatchObject({ slug: 'page-210', status: 'published' });
    expect(redirectFrom('/%D0%BE-%D0%BD%D0%B0%D1%81')).toBe('/page-210');
    expect(messagesAbout(report, 'О нас')).toContain('Its address “о-нас” has no Latin letters or digits, which addresses here are made of; it is imported at /page-210, and the old address redirects there.');
  });

  it('gives the second of two posts with the same slug the next free address, and says so', async () => {
    const report = await importFixture();
    expect(articleTitled('Summit preview')).toMatchObject({ slug: 'the-summit', status: 'published' });
    expect(articleTitled('Summit, first attempt')).toMatchObject({ slug: 'the-summit-2', status: 'draft', bodyText: 'An earlier draft of the preview.' });
    expect(messagesAbout(report, 'Summit, first attempt')).toContain('The address /articles/the-summit belongs to another article; this one is imported at /articles/the-summit-2.');
  });

  it('puts the content of a reusable block where the post refers to it', async () => {
    const report = await importFixture();
    const checkpoints = articleTitled('Checkpoints & convoys');
    expect(checkpoints.bodyText).toMatch(/^This review is read by officials on both sides of the border\.\s+Convoys wait three days at the crossing\./);
    expect(messagesAbout(report, 'core/block')).toEqual([]);
  });

  it('keeps an embed saved by the older block editor as a link to what it showed', async () => {
    const report = await importFixture();
    const checkpoints = articleTitled('Checkpoints & convoys');
    expect(linksIn(checkpoints.body as JSONContent)).toEqual(['https://www.youtube.com/watch?v=border01', 'https://vimeo.com/12345']);
    expect(messagesAbout(report, 'core-embed')).toEqual([]);
  });

  it('bylines a post whose author has no entry in the export under the login it names, and says so', async () => {
    const report = await importFixture();
    expect(bylineOf('Checkpoints & convoys')).toEqual(['guest.contributor']);
    expect(bylineOf('Ядерный договор')).toEqual(['Irena Vasko']);
    expect(report.warnings).toContainEqual({
      item: 'author guest.contributor',
      message: 'The export names this author only by their login, as the author of some posts: imported under that name. Give them their full name under Staff → Contributors.',
    });
  });

  it('redirects an author’s old page from the address WordPress made of their login, underscores and all', async () => {
    await importFixture();
    const marta = getDb().select({ slug: contributors.slug }).from(contributors).where(eq(contributors.name, 'Marta Ortega Ruiz')).get()!;
    expect(redirectFrom('/author/m-ortega_ruiz')).toBe(`/authors/${marta.slug}`);
    expect(redirectFrom('/author/guest-contributor')).toBe(`/authors/${getDb().select({ slug: contributors.slug }).from(contributors).where(eq(contributors.name, 'guest.contributor')).get()!.slug}`);
  });

  it('dates a post whose GMT date is missing by its local date, not by its last change or the day of the import', async () => {
    const report = await importFixture();
    const published = articleTitled('Caption and shortcodes');
    expect(published.publishedAt?.toISOString()).toBe('2021-05-03T12:00:00.000Z');
    expect(published.firstPublishedAt?.toISOString()).toBe('2021-05-03T12:00:00.000Z');
    expect(messagesAbout(report, 'Caption and shortcodes')).toContain('The export gives no GMT date; its local date, 2021-05-03 12:00:00, is taken as GMT.');
    const draft = articleTitled('An unsaved thought');
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null });
    expect(draft.createdAt.toISOString()).toBe('2022-06-07T08:15:00.000Z');
  });

  it('reads nested blocks, a CDATA section split around "]]>", custom HTML, shortcodes and entities in names as WordPress shows them', async () => {
    const report = await importFixture();
    const checkpoints = articleTitled('Checkpoints & convoys');
    expect(validateArticleDoc(checkpoints.body as JSONContent).ok).toBe(true);
    expect(checkpoints.bodyText).toContain('Inspectors count every crate.');
    expect(checkpoints.bodyText).toContain('Crossings per month');
    expect(checkpoints.bodyText).toMatch(/In the customs code, rule x\[y\[0\]\]> 1 decides\.$/);
    expect(JSON.stringify(checkpoints.body)).not.toMatch(/drawChart|script/);
    expect(sectionOf('Checkpoints & convoys')).toBe('Arms & Trade');
    const tags = getDb()
      .select({ name: entities.name })
      .from(articleEntities)
      .innerJoin(entities, eq(entities.id, articleEntities.entityId))
      .where(eq(articleEntities.articleId, checkpoints.id))
      .all();
    expect(tags).toEqual([{ name: 'Sanctions & Enforcement' }]);
    const captioned = articleTitled('Caption and shortcodes');
    expect(captioned.bodyText).toBe('The bridge reopened in May.\n\nTraffic doubled within a week.');
    expect(messagesAbout(report, 'Caption and shortcodes')).toEqual(expect.arrayContaining(['Unknown shortcode [contact-form-7] removed', 'Unknown shortcode [tooltip] removed']));
    // Revisions, changesets and the reusable block itself are WordPress's bookkeeping, not articles.
    expect(getDb().select({ title: articles.title }).from(articles).orderBy(asc(articles.id)).all().map((row) => row.title)).toEqual([
      'Ядерный договор',
      'Переговоры в Вене',
      'Checkpoints & convoys',
      'Caption and shortcodes',
      'An unsaved thought',
      'Summit preview',
      'Summit, first attempt',
    ]);
  });

  it('keeps apart two sites of one WordPress network, whose exports name the same network address', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    for (const site of ['politics', 'economics']) {
      const reader = openWordPressExport(path.join(process.cwd(), `tests/fixtures/import/wordpress/network-${site}.xml`));
      await importFromReader({ reader, dryRun: false, actorId: admin.id, media: { fetchImages: false } });
    }
    const stored = getDb().select({ title: articles.title, slug: articles.slug, text: articles.bodyText }).from(articles).orderBy(asc(articles.id)).all();
    expect(stored).toEqual([
      { title: 'Coalition arithmetic', slug: 'coalition-arithmetic', text: 'Three parties need a fourth.' },
      { title: 'Tariff arithmetic', slug: 'tariff-arithmetic', text: 'Duties rose by a tenth.' },
    ]);
    expect(redirectFrom('/politics/2022/01/coalition-arithmetic')).toBe('/articles/coalition-arithmetic');
    expect(redirectFrom('/economics/2022/01/tariff-arithmetic')).toBe('/articles/tariff-arithmetic');
  });

  it('takes the categories and tags of an export of posts alone, which lists none, from the posts themselves', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const reader = openWordPressExport(path.join(process.cwd(), 'tests/fixtures/import/wordpress/posts-only.xml'));
    const report = await importFromReader({ reader, dryRun: false, actorId: admin.id, media: { fetchImages: false } });
    expect(sectionOf('Dredging the channel')).toBe('Ports & Shipping');
    expect(sectionOf('Pilots on strike')).toBe('Ports & Shipping');
    const tagsOf = (title: string) =>
      getDb()
        .select({ name: entities.name })
        .from(articleEntities)
        .innerJoin(entities, eq(entities.id, articleEntities.entityId))
        .where(eq(articleEntities.articleId, articleTitled(title).id))
        .orderBy(asc(entities.name))
        .all()
        .map((tag) => tag.name);
    expect(tagsOf('Dredging the channel')).toEqual(['Baltic Sea', 'Dredging']);
    expect(tagsOf('Pilots on strike')).toEqual(['Baltic Sea']);
    expect(redirectFrom('/category/ports-shipping')).toBe('/sections/ports-shipping');
    expect(report.warnings).toEqual([]);
  });

  it('shows the characters of a caption written in the older attribute form, not the entities WordPress saved it with', async () => {
    await importFixture({ mediaDir: await uploadsFolder() });
    const figures: JSONContent[] = [];
    const walk = (node: JSONContent) => {
      if (node.type === 'figure') figures.push(node);
      node.content?.forEach(walk);
    };
    walk(articleTitled('Caption and shortcodes').body as JSONContent);
    expect(figures.map((figure) => figure.attrs?.caption)).toEqual(['The bridge at dawn', 'Trucks & tanks at the "line"']);
    expect(figures.map((figure) => figure.attrs?.alt)).toEqual(['A bridge', '']);
  });

  it('decides the same in a dry run as in the real one', async () => {
    const dry = await importFixture({ dryRun: true });
    expect(getDb().select().from(articles).all()).toEqual([]);
    const real = await importFromReader({ reader: openWordPressExport(FIXTURE), dryRun: false, actorId: null, media: { fetchImages: false } });
    expect(dry.counts).toEqual(real.counts);
  });
});
