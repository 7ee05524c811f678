// Before anything loads Next's cache functions, which need the request storage a server provides.
import '../support/next-async-local-storage';
import fs from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleAuthors, articleEntities, articles, contributors, entities, media } from '@/db/schema';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { openGhostExport } from '@/lib/migration/ghost/open-ghost-export';
import { importFromReader, type ImportReport } from '@/lib/migration/import/import-from-reader';
import { makeImage } from '../factories/image';
import { withTempMediaFolder } from '../factories/media-folder';
import { createTestStaff } from '../factories/staff';
import { makeTempFolder, withTempDatabase } from '../factories/temp-database';
import { nodesOf } from '../support/nodes-of';

withTempDatabase();
withTempMediaFolder();

/** A Ghost 5 export as Ghost writes it: no site address in its settings, `__GHOST_URL__` everywhere, cards of every kind. */
const FIXTURE = path.join(process.cwd(), 'tests/fixtures/import/ghost/real-quirks.json');

/** A copy of the old site's content/images, holding the one image the export uses. */
async function mediaFolder(): Promise<string> {
  const folder = makeTempFolder();
  fs.mkdirSync(path.join(folder, '2024', '02'), { recursive: true });
  fs.writeFileSync(path.join(folder, '2024', '02', 'crossing.jpg'), await makeImage({ format: 'jpeg', width: 600, height: 400 }));
  return folder;
}

async function importFixture({ dryRun = false, mediaDir }: { dryRun?: boolean; mediaDir?: string } = {}): Promise<ImportReport> {
  const admin = await createTestStaff({ role: 'admin' });
  return importFromReader({ reader: openGhostExport(FIXTURE), dryRun, actorId: admin.id, media: { fetchImages: false, ...(mediaDir ? { mediaDir } : {}) } });
}

function articleAt(slug: string) {
  const row = getDb().select().from(articles).where(eq(articles.slug, slug)).get();
  if (!row) throw new Error(`No article at ${slug}`);
  return row;
}

function linksIn(doc: JSONContent): { text: string; href: string }[] {
  const links: { text: string; href: string }[] = [];
  const walk = (node: JSONContent) => {
    const link = node.marks?.find((mark) => mark.type === 'link');
    if (link && node.text) links.push({ text: node.text, href: String(link.attrs?.href) });
    node.content?.forEach(walk);
  };
  walk(doc);
  return links;
}

function messagesAbout(report: ImportReport, title: string): string[] {
  return report.warnings.filter((warning) => warning.item.includes(title)).map((warning) => warning.message);
}

describe('importing a real-world Ghost export', () => {
  it('takes images behind __GHOST_URL__ from the media folder, though the export does not give the site’s address', async () => {
    const report = await importFixture({ mediaDir: await mediaFolder() });
    const crossings = articleAt('crossings-after-the-treaty');
    const stored = getDb().select().from(media).all();
    expect(stored).toHaveLength(1);
    expect(crossings.featuredMediaId).toBe(stored[0]!.id);
    const [figure] = nodesOf(crossings.body as JSONContent, 'figure');
    expect(figure?.attrs).toMatchObject({ mediaId: stored[0]!.id, alt: 'A border crossing at night', caption: 'The crossing at Narva' });
    expect(messagesAbout(report, 'Crossings after the treaty').filter((message) => /image/i.test(message))).toEqual([]);
  });

  it('says which file to bring, in the old site’s own terms, when such an image is not in the media folder', async () => {
    const report = await importFixture();
    expect(articleAt('crossings-after-the-treaty').featuredMediaId).toBeNull();
    expect(messagesAbout(report, 'Crossings after the treaty')).toContain(
      'The image /content/images/2024/02/crossing.jpg could not be had: the export does not give the old site’s address, so it can only come from a media folder (a copy of content/images or wp-content/uploads), and none was given. Its figure is left out.',
    );
  });

  it('keeps the words and links of Lexical header, product and file cards, and the captions of audio and video cards', async () => {
    const report = await importFixture();
    const post = articleAt('header-and-product');
    const body = post.body as JSONContent;
    expect(validateArticleDoc(body).ok).toBe(true);
    expect(post.bodyText.split(/\n+/)).toEqual([
      'The long queue',
      'Why trucks wait three days',
      'Drivers sleep in their cabs.',
      'Our weekly brief',
      'Get the weekly',
      'Border Atlas',
      'Maps of every crossing.',
      'Rated 4 out of 5',
      'Order the atlas',
      'Atlas sample',
      'Ten pages',
      'Drivers at the gate',
      'Morning briefing',
    ]);
    expect(nodesOf(body, 'heading').map((heading) => [heading.attrs?.level, heading.content?.[0]?.text])).toEqual([
      [2, 'The long queue'],
      [2, 'Our weekly brief'],
      [3, 'Border Atlas'],
    ]);
    expect(linksIn(body)).toEqual([
      { text: 'Get the weekly', href: 'https://subscribe.example.org/' },
      { text: 'Order the atlas', href: 'https://shop.example.org/atlas' },
      { text: 'Atlas sample', href: '/content/files/2024/03/atlas-sample.pdf' },
    ]);
    expect(messagesAbout(report, 'A header and a product')).toEqual([
      'The file atlas-sample.pdf is kept as a link to /content/files/2024/03/atlas-sample.pdf on the old site; copy the file here and change the link',
      'The video /content/media/2024/03/drivers.mp4 was left out, as articles here hold no players; put it on an audio or video host and link to it',
      'The audio /content/media/2024/03/briefing.mp3 was left out, as articles here hold no players; put it on an audio or video host and link to it',
      'Unknown Lexical card "mystery-widget" dropped',
    ]);
  });

  it('turns a file card in Ghost’s HTML into one link named by the file’s title, without its size and file name', async () => {
    const report = await importFixture();
    const crossings = articleAt('crossings-after-the-treaty');
    expect(linksIn(crossings.body as JSONContent).filter((link) => link.href.includes('/content/files/'))).toEqual([
      { text: 'Border report 2024', href: '/content/files/2024/02/border-report.pdf' },
    ]);
    expect(crossings.bodyText).toContain('Border report 2024\n\nForty pages of data\n\nAnnual border review');
    expect(crossings.bodyText).not.toMatch(/2 MB|border-report\.pdf/);
    expect(messagesAbout(report, 'Crossings after the treaty')).toContain(
      'The file border-report.pdf is kept as a link to /content/files/2024/02/border-report.pdf on the old site; copy the file here and change the link',
    );
  });

  it('leaves out the audio and video players of Ghost’s HTML, and the times they show, naming each file', async () => {
    const report = await importFixture();
    const crossings = articleAt('crossings-after-the-treaty');
    expect(crossings.bodyText).toContain('Annual border review\n\nInterview with the minister\n\nThe queue at dawn\n\nMembers read on');
    expect(crossings.bodyText).not.toMatch(/0:00|12:30|0:45|1×/);
    expect(messagesAbout(report, 'Crossings after the treaty')).toEqual(
      expect.arrayContaining([
        'The audio /content/media/2024/02/minister-interview.mp3 was left out, as articles here hold no players; put it on an audio or video host and link to it',
        'The video /content/media/2024/02/queue.mp4 was left out, as articles here hold no players; put it on an audio or video host and link to it',
      ]),
    );
  });

  it('keeps two authors whose slugs have no Latin letters apart, in the order Ghost gives', async () => {
    await importFixture();
    const byline = getDb()
      .select({ name: contributors.name, slug: contributors.slug })
      .from(articleAuthors)
      .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
      .where(eq(articleAuthors.articleId, articleAt('crossings-after-the-treaty').id))
      .orderBy(asc(articleAuthors.position))
      .all();
    expect(byline.map((author) => author.name)).toEqual(['Ксения Орлова', 'Олег Белов']);
    expect(byline[0]!.slug).not.toBe(byline[1]!.slug);
  });

  it('reads Ghost’s HTML cards, internal tags, email-only and empty posts as they were', async () => {
    await importFixture();
    const crossings = articleAt('crossings-after-the-treaty');
    expect(crossings).toMatchObject({ status: 'published', dek: '', access: 'public' });
    expect(crossings.publishedAt?.toISOString()).toBe('2024-02-02T07:30:00.000Z');
    expect(crossings.bodyText).toContain('Who pays the fees?\n\nThe carrier pays them.');
    expect(linksIn(crossings.body as JSONContent)).toEqual(
      expect.arrayContaining([
        { text: 'Read the tender', href: 'https://tenders.example.org/' },
        { text: 'Annual border review', href: 'https://osce.example.org/report' },
        { text: 'fee schedule', href: '/fees-explained/' },
      ]),
    );
    const tags = getDb()
      .select({ name: entities.name })
      .from(articleEntities)
      .innerJoin(entities, eq(entities.id, articleEntities.entityId))
      .where(eq(articleEntities.articleId, crossings.id))
      .orderBy(asc(entities.name))
      .all();
    expect(tags.map((tag) => tag.name)).toEqual(['Baltic states', 'Customs']);
    expect(articleAt('only-in-the-newsletter')).toMatchObject({ status: 'draft', publishedAt: null });
    expect(articleAt('no-body-yet')).toMatchObject({ status: 'draft', bodyText: '' });
  });

  it('decides the same in a dry run as in the real one', async () => {
    const mediaDir = await mediaFolder();
    const dry = await importFixture({ dryRun: true, mediaDir });
    expect(getDb().select().from(articles).all()).toEqual([]);
    const real = await importFromReader({ reader: openGhostExport(FIXTURE), dryRun: false, actorId: null, media: { fetchImages: false, mediaDir } });
    expect(dry.counts).toEqual(real.counts);
    expect(dry.warnings).toEqual(real.warnings);
  });
});
