import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '@/lib/content/clean-pasted-html';
import type { ImportedEntry, ImportedMenuItem, ImportItem } from '@/lib/migration/import/import-model';
import { openWordPressExport } from '@/lib/migration/wordpress/open-wordpress-export';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import { generateWxr } from '@/tests/bench/support/generate-wxr';

const FIXTURE = path.join(process.cwd(), 'tests/fixtures/import/wordpress/magazine.xml');
const tempDir = mkdtempSync(path.join(tmpdir(), 'wxr-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

async function readAll(filePath = FIXTURE): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  for await (const item of openWordPressExport(filePath).items()) items.push(item);
  return items;
}

function entry(items: ImportItem[], sourceId: string): ImportedEntry {
  const found = items.find((item) => (item.kind === 'post' || item.kind === 'page') && item.sourceId === sourceId);
  if (!found) throw new Error(`no entry ${sourceId}`);
  return found as ImportedEntry;
}

describe('openWordPressExport', () => {
  it('names the source and the site from the channel', () => {
    const reader = openWordPressExport(FIXTURE);
    expect(reader.source).toBe('wordpress:https://old.example.org');
    expect(reader.siteUrl).toBe('https://old.example.org');
  });

  it('yields authors, sections, tags and media first, in dependency order', async () => {
    const items = await readAll();
    expect(items.map((item) => item.kind)).toEqual([
      'author', 'author', 'section', 'section', 'section', 'tag', 'tag', 'media', 'media', 'media',
      'post', 'post', 'post', 'post', 'post', 'post', 'post', 'post', 'page', 'page',
      'menu-item', 'menu-item', 'menu-item', 'menu-item', 'menu-item',
    ]);
    expect(items.slice(0, 7)).toEqual([
      { kind: 'author', sourceId: 'mara', name: 'Mara Quist', slug: 'mara', email: 'mara@old.example.org', oldUrls: ['/author/mara/'] },
      { kind: 'author', sourceId: 't.okafor', name: 'Tunde Okafor', slug: 't-okafor', email: 'tunde@old.example.org', oldUrls: ['/author/t-okafor/'] },
      { kind: 'section', sourceId: 'nuclear', name: 'Nuclear weapons', slug: 'nuclear', description: 'Stockpiles, doctrine and treaties', oldUrls: ['/category/nuclear/'] },
      { kind: 'section', sourceId: 'treaties', name: 'Treaties', slug: 'treaties', oldUrls: ['/category/nuclear/treaties/', '/category/treaties/'] },
      { kind: 'section', sourceId: 'chemical', name: 'Chemical weapons', slug: 'chemical', oldUrls: ['/category/chemical/'] },
      { kind: 'tag', sourceId: 'new-start', name: 'New START', slug: 'new-start', oldUrls: ['/tag/new-start/'] },
      { kind: 'tag', sourceId: 'iaea', name: 'IAEA', slug: 'iaea', description: 'The International Atomic Energy Agency', oldUrls: ['/tag/iaea/'] },
    ]);
    expect(items.slice(7, 10)).toEqual([
      { kind: 'media', sourceId: '101', url: 'https://old.example.org/wp-content/uploads/2019/03/silo.jpg', alt: 'An empty missile silo under an orange sky', caption: 'A decommissioned silo in the plains', title: 'Silo at dusk' },
      { kind: 'media', sourceId: '102', url: 'https://old.example.org/wp-content/uploads/2019/03/table.jpg', alt: '', caption: '', title: 'Negotiating table' },
      { kind: 'media', sourceId: '103', url: 'https://old.example.org/wp-content/uploads/2020/01/hall.png', alt: 'Rows of centrifuges in a hall', caption: '', title: 'Centrifuge hall' },
    ]);
  });

  it('reads a classic post with its fields, shortcodes and warnings', async () => {
    const post = entry(await readAll(), '110');
    expect(post).toMatchObject({
      kind: 'post',
      title: 'Inspections resume at last',
      slug: 'inspections-resume',
      status: 'published',
      dek: 'The first on-site inspections in two years have begun.',
      authorSourceIds: ['mara'],
      sectionSourceIds: ['treaties'],
      tagSourceIds: ['iaea', 'new-start'],
      featuredImage: { mediaSourceId: '101' },
      publishedAt: new Date('2019-03-04T09:00:00Z'),
      createdAt: new Date('2019-03-04T09:00:00Z'),
      modifiedAt: new Date('2019-03-05T11:30:00Z'),
      oldUrls: ['https://old.example.org/2019/03/inspections-resume/', '/?p=110', 'https://old.example.org/?p=110'],
      warnings: [{ item: 'Inspections resume at last (post 110)', message: 'Unknown shortcode [contact-form-7] removed' }],
    });
    expect(post.notPublicBecause).toBeUndefined();
    expect(post.html).toContain('<p>After two years without a single visit, inspectors are back on site.<br />\nThe first team arrived on Monday.</p>');
    expect(post.html).toContain('<figure><img src="https://old.example.org/wp-content/uploads/2019/03/silo.jpg" alt="An empty missile silo under an orange sky" width="800" height="533"><figcaption>The silo the team visited first</figcaption></figure>');
    expect(post.html).toContain('<p><a href="https://video.example.net/watch/briefing-42">https://video.example.net/watch/briefing-42</a></p>');
    expect(post.html).toContain('<figure><img src="https://old.example.org/wp-content/uploads/2019/03/table.jpg" alt=""></figure>');
    expect(post.html).toContain('<p><a href="https://audio.example.net/episodes/7">https://audio.example.net/episodes/7</a></p>');
    expect(post.html).toContain('<pre>Visits  2017  2018  2019\nPlanned   18    18    12</pre>');
    expect(post.html).not.toContain('contact-form-7');
  });

  it('reads a block post: footnotes, pull quote, figures and the dropped parts named', async () => {
    const post = entry(await readAll(), '120');
    expect(post.html).toContain('<sup class="footnote-ref" data-note="Not counting the annexes.">*</sup>');
    expect(post.html).toContain('<aside class="pull-quote"><p>Data, not goodwill, is what the protocol trades in.</p><footer>— Tunde Okafor</footer></aside>');
    expect(post.html).toContain('<figure><img src="https://old.example.org/wp-content/uploads/2020/01/hall.png" alt="Rows of centrifuges in a hall"><figcaption>A hall of the kind the protocol covers</figcaption></figure>');
    expect(post.html).toContain('<table><thead><tr><th>Measure</th>');
    expect(post.html).toContain('<hr>');
    expect(post.html).toContain('<figure><img src="https://old.example.org/wp-content/uploads/2019/03/silo.jpg" alt="An empty missile silo under an orange sky"></figure>');
    expect(post.html).not.toContain('wp:');
    expect(post.warnings).toEqual([
      { item: 'Reading the new verification protocol (post 120)', message: 'Unknown block acme/vote-widget' },
      { item: 'Reading the new verification protocol (post 120)', message: 'A <script> was dropped' },
    ]);
    expect(post.featuredImage).toBeUndefined();
    expect(post.dek).toBe('');
  });

  it('writes footnotes and pull quotes in the markup the paste cleaner keeps', async () => {
    const post = entry(await readAll(), '120');
    const cleaned = cleanPastedHtml(post.html, new Window().document as unknown as Document);
    expect(cleaned).toContain('<sup data-note="Not counting the annexes." class="footnote-ref">*</sup>');
    expect(cleaned).toContain('<aside class="pull-quote"><p>Data, not goodwill, is what the protocol trades in.</p><footer>— Tunde Okafor</footer></aside>');
    expect(cleaned).not.toContain('<script');
  });

  it('keeps every status, and never makes a private, trashed or password-protected post public', async () => {
    const items = await readAll();
    const statuses = ['110', '130', '131', '132', '133', '134', '135'].map((id) => {
      const { status, notPublicBecause, publishedAt, slug } = entry(items, id);
      return { id, status, notPublicBecause, publishedAt, slug };
    });
    expect(statuses).toEqual([
      { id: '110', status: 'published', notPublicBecause: undefined, publishedAt: new Date('2019-03-04T09:00:00Z'), slug: 'inspections-resume' },
      { id: '130', status: 'scheduled', notPublicBecause: undefined, publishedAt: new Date('2030-04-27T08:00:00Z'), slug: 'review-conference-previewed' },
      { id: '131', status: 'draft', notPublicBecause: undefined, publishedAt: undefined, slug: 'notes-on-chemical-stockpile-destruction' },
      { id: '132', status: 'in_review', notPublicBecause: undefined, publishedAt: undefined, slug: 'who-pays' },
      { id: '133', status: 'draft', notPublicBecause: 'private in WordPress', publishedAt: undefined, slug: 'summit-sources' },
      { id: '134', status: 'draft', notPublicBecause: 'in the WordPress trash', publishedAt: undefined, slug: 'outdated-explainer' },
      { id: '135', status: 'draft', notPublicBecause: 'password-protected in WordPress', publishedAt: undefined, slug: 'members-briefing' },
    ]);
    expect(entry(items, '131').createdAt).toBeUndefined();
  });

  it('reads pages with ?page_id old URLs, and skips revisions and other post types, naming them', async () => {
    const reader = openWordPressExport(FIXTURE);
    const items: ImportItem[] = [];
    for await (const item of reader.items()) items.push(item);
    const about = entry(items, '140');
    expect(about).toMatchObject({
      kind: 'page',
      title: 'About us',
      slug: 'about',
      status: 'published',
      html: '<p>We are an independent quarterly on arms control.</p>\n<p>We take no money from governments.</p>',
      oldUrls: ['https://old.example.org/about/', '/?page_id=140'],
    });
    expect(entry(items, '141').html).toBe('<p>Write to the editors at the address below.</p>');
    expect(items.some((item) => 'sourceId' in item && (item.sourceId === '111' || item.sourceId === '136'))).toBe(false);
    expect(reader.warnings).toEqual([{ item: 'Arms control reading list (product 136)', message: 'Items of type "product" are not imported' }]);
    expect(await reader.countItems()).toBe(items.length);
  });

  it('turns menu items into header and footer navigation with their targets in order', async () => {
    const menu = (await readAll()).filter((item): item is ImportedMenuItem => item.kind === 'menu-item');
    expect(menu).toEqual([
      { kind: 'menu-item', sourceId: '150', menu: 'header', label: 'About us', target: { kind: 'page', sourceId: '140' }, position: 0 },
      { kind: 'menu-item', sourceId: '151', menu: 'header', label: 'Nuclear', target: { kind: 'section', sourceId: 'nuclear' }, position: 1 },
      { kind: 'menu-item', sourceId: '152', menu: 'header', label: 'Treaties', target: { kind: 'section', sourceId: 'treaties' }, position: 2 },
      { kind: 'menu-item', sourceId: '160', menu: 'footer', label: 'Contact', target: { kind: 'page', sourceId: '141' }, position: 0 },
      { kind: 'menu-item', sourceId: '161', menu: 'footer', label: 'Archive on the Treaty Library', target: { kind: 'url', url: 'https://treaties.example.net/archive' }, position: 1 },
    ]);
  });

  it('refuses a file that is not a WordPress export, saying why', () => {
    expect(() => openWordPressExport(path.join(tempDir, 'missing.xml'))).toThrow('There is no file at');

    const notXml = path.join(tempDir, 'notes.xml');
    writeFileSync(notXml, 'email,name\nreader@example.org,A Reader\n');
    expect(() => openWordPressExport(notXml)).toThrow(InvalidInputError);
    expect(() => openWordPressExport(notXml)).toThrow('This file is not a WordPress export (WXR): it is not XML.');

    const feed = path.join(tempDir, 'feed.xml');
    writeFileSync(feed, '<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title><item><title>x</title></item></channel></rss>');
    expect(() => openWordPressExport(feed)).toThrow(
      'This file is not a WordPress export (WXR): it has no wp:wxr_version. Export it again from Tools → Export in WordPress.',
    );

    const html = path.join(tempDir, 'page.xml');
    writeFileSync(html, '<html><body>Hi</body></html>');
    expect(() => openWordPressExport(html)).toThrow('This file is not a WordPress export (WXR): its root element is <html>, not <rss>.');

    const future = path.join(tempDir, 'future.xml');
    writeFileSync(future, '<rss xmlns:wp="http://wordpress.org/export/2.0/"><channel><wp:wxr_version>2.0</wp:wxr_version></channel></rss>');
    expect(() => openWordPressExport(future)).toThrow('This WordPress export is WXR version 2.0; Masthead reads versions 1.0 to 1.2.');
  });

  it('refuses a damaged export part-way with the line it stopped at', async () => {
    const truncated = path.join(tempDir, 'truncated.xml');
    const { readFileSync } = await import('node:fs');
    const whole = readFileSync(FIXTURE, 'utf8');
    writeFileSync(truncated, whole.slice(0, whole.indexOf('<item>', whole.indexOf('post_id>120')) + 200));
    const reader = openWordPressExport(truncated);
    await expect(readAll(truncated)).rejects.toThrow(/^The WordPress export is damaged at line \d+: .+Export it again/);
    await expect(reader.countItems()).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('streams a 10,000-post export without holding it in memory', { timeout: 120_000 }, async () => {
    const filePath = path.join(tempDir, 'large.xml');
    await generateWxr({ posts: 10_000, filePath });
    const reader = openWordPressExport(filePath);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let posts = 0;
    for await (const item of reader.items()) {
      if (item.kind === 'post') posts += 1;
      if (posts % 250 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(posts).toBe(10_000);
    // Streaming grows the heap by about 20 MB here; holding every entry until the end takes over 60 MB.
    expect((peak - before) / 1024 / 1024).toBeLessThan(45);
  });
});
