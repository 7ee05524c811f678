import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGhostExport } from '@/lib/migration/ghost/open-ghost-export';
import type { ImportItem, ImportSourceReader } from '@/lib/migration/import/import-model';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';

const GHOST_5 = 'tests/fixtures/import/ghost/ghost-5.json';
const GHOST_4 = 'tests/fixtures/import/ghost/ghost-4.json';
const id5 = (n: number) => `65a0c0de00000000000000${String(n).padStart(2, '0')}`;
const id4 = (n: number) => `5f10beef00000000000000${String(n).padStart(2, '0')}`;

async function readAll(reader: ImportSourceReader) {
  const items: ImportItem[] = [];
  for await (const item of reader.items()) items.push(item);
  return items;
}
const byKind = <K extends ImportItem['kind']>(items: ImportItem[], kind: K) => items.filter((item): item is Extract<ImportItem, { kind: K }> => item.kind === kind);
const entry = (items: ImportItem[], slug: string) => items.find((item) => (item.kind === 'post' || item.kind === 'page') && item.slug === slug);

function tempFile(name: string, content: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'ghost-reader-')), name);
  writeFileSync(path, content);
  return path;
}

describe('openGhostExport, a Ghost 5 export with Lexical bodies', () => {
  it('names the source by the site database hash, stable across exports, and counts what it yields', async () => {
    const reader = openGhostExport(GHOST_5);
    expect(reader.source).toBe('ghost:db-5c1b7e2a-4d3f-4a8e-9b21-7f0e6c2d9a11');
    expect(reader.siteUrl).toBeUndefined();
    const items = await readAll(reader);
    expect(await reader.countItems()).toBe(items.length);
    expect(items.map((item) => item.kind)).toEqual(['author', 'author', 'tag', 'tag', 'tag', 'post', 'post', 'post', 'post', 'post', 'page', 'post', 'post', 'menu-item', 'menu-item', 'menu-item', 'menu-item']);
    expect(await readAll(reader)).toEqual(items);
  });

  it('reads users as authors and tags, with #internal tags marked and given no public URL', async () => {
    const items = await readAll(openGhostExport(GHOST_5));
    expect(byKind(items, 'author')).toEqual([
      { kind: 'author', sourceId: id5(1), name: 'Ayesha Okafor', slug: 'ayesha', email: 'ayesha@northwind-review.example', bio: 'Editor; writes on borders.', oldUrls: ['/author/ayesha/'] },
      { kind: 'author', sourceId: id5(2), name: 'Tomás Varga', slug: 'tomas', email: 'tomas@northwind-review.example', oldUrls: ['/author/tomas/'] },
    ]);
    expect(byKind(items, 'tag')).toEqual([
      { kind: 'tag', sourceId: id5(21), name: 'Arms control', slug: 'arms-control', description: 'Treaties and their keeping.', isInternal: false, oldUrls: ['/tag/arms-control/'] },
      { kind: 'tag', sourceId: id5(22), name: 'Europe', slug: 'europe', isInternal: false, oldUrls: ['/tag/europe/'] },
      { kind: 'tag', sourceId: id5(23), name: '#longread', slug: 'hash-longread', isInternal: true, oldUrls: [] },
    ]);
  });

  it('reads a published post field by field: Lexical body, co-authors in order, public tags only, featured image from posts_meta', async () => {
    const items = await readAll(openGhostExport(GHOST_5));
    expect(entry(items, 'border-after-treaty')).toEqual({
      kind: 'post',
      sourceId: id5(11),
      title: 'The border after the treaty',
      slug: 'border-after-treaty',
      status: 'published',
      html:
        '<p>Thirty years on, the <strong>treaty</strong> still shapes <a href="https://archive.example.org/treaty?year=1994&amp;lang=en"><em>the line</em></a>.</p>' +
        '<h2>What changed</h2><ul><li>Patrols</li><li>Permits</li></ul>' +
        '<figure><img src="/content/images/2024/03/checkpoint.jpg" alt="A closed checkpoint at dusk" width="1600" height="900"><figcaption><span style="white-space: pre-wrap;">The old checkpoint, now a museum</span></figcaption></figure>' +
        '<blockquote><p>Nobody here remembers the queue.</p></blockquote><hr><p>First line<br>second line</p>',
      dek: 'What a line on a map still decides.',
      seoTitle: 'The border, thirty years on',
      seoDescription: 'A line on a map, and what it still decides.',
      authorSourceIds: [id5(2), id5(1)],
      sectionSourceIds: [],
      tagSourceIds: [id5(21), id5(22)],
      featuredImage: { url: '/content/images/2024/03/border.jpg', alt: 'A fence across a field', caption: 'The fence near Valka' },
      publishedAt: new Date('2024-03-02T08:30:00.000Z'),
      createdAt: new Date('2024-03-01T09:00:00.000Z'),
      modifiedAt: new Date('2024-03-02T10:00:00.000Z'),
      oldUrls: ['/border-after-treaty/'],
      warnings: [],
    });
  });

  it('prefers html to Lexical, tidies its cards, and names what the cleaner will drop from it and dropped code injection', async () => {
    const post = entry(await readAll(openGhostExport(GHOST_5)), 'committee-notes');
    expect(post).toMatchObject({
      html:
        '<p>The committee met <strong>twice</strong>.</p><figure class="kg-card kg-image-card"><img src="/content/images/2024/04/room.jpg" alt="The committee room"></figure>' +
        '<iframe src="https://video.example.org/embed/9"></iframe><p><a href="https://example.org/minutes">Minutes</a></p>',
      tagSourceIds: [id5(21)],
      authorSourceIds: [id5(1)],
      warnings: [
        { item: 'post "Notes from the committee"', message: 'The body holds <iframe>, which will be dropped' },
        { item: 'post "Notes from the committee"', message: 'Code injection dropped: it would run as a script on the page' },
      ],
    });
  });

  it('keeps scheduled and draft states, and never makes email-only posts public', async () => {
    const items = await readAll(openGhostExport(GHOST_5));
    expect(entry(items, 'next-month-assembly')).toMatchObject({ status: 'scheduled', publishedAt: new Date('2031-01-15T07:00:00.000Z') });
    expect(entry(items, 'next-month-assembly')).not.toHaveProperty('notPublicBecause');
    expect(entry(items, 'unfinished-draft')).toMatchObject({
      status: 'draft',
      publishedAt: undefined,
      html: '<p>Half a thought.</p>',
      warnings: [{ item: 'post "Unfinished draft"', message: 'Unknown Lexical card "crossword" dropped' }],
    });
    expect(entry(items, 'newsletter-only')).toMatchObject({ status: 'draft', notPublicBecause: 'sent by email only in Ghost, never published on the site' });
    expect(entry(items, 'about')).toMatchObject({ kind: 'page', status: 'published', html: '<p>We publish long reads on policy.</p>', oldUrls: ['/about/'] });
  });

  it('keeps members-only posts published and gated: members → any signed-in reader, paid → any member, tiers → those tiers', async () => {
    const items = await readAll(openGhostExport(GHOST_5));
    const paid = entry(items, 'for-paying-readers');
    expect(paid).toMatchObject({ status: 'published', access: { level: 'members', tiers: [] } });
    expect(paid).not.toHaveProperty('notPublicBecause');
    expect(entry(items, 'patrons-briefing')).toMatchObject({
      status: 'published',
      access: {
        level: 'tiers',
        tiers: [
          { name: 'Patron', description: "Supports the magazine's reporting", monthlyPriceCents: 900, yearlyPriceCents: 9000, currency: 'eur' },
          { name: 'Institution', description: '', monthlyPriceCents: null, yearlyPriceCents: 50000, currency: 'eur' },
        ],
      },
    });
    expect(entry(items, 'border-after-treaty')).not.toHaveProperty('access');
  });

  it('gates a free-members post for any signed-in reader, and keeps a visibility it does not know as a draft', async () => {
    const withVisibility = (visibility: string) =>
      tempFile('ghost.json', readFileSync(GHOST_5, 'utf8').replace('"visibility": "paid"', `"visibility": "${visibility}"`));
    expect(entry(await readAll(openGhostExport(withVisibility('members'))), 'for-paying-readers')).toMatchObject({ status: 'published', access: { level: 'registered', tiers: [] } });
    expect(entry(await readAll(openGhostExport(withVisibility('filter'))), 'for-paying-readers')).toMatchObject({
      status: 'draft',
      notPublicBecause: 'members-only in Ghost with a visibility this import does not know ("filter")',
    });
  });

  it('reads the primary and secondary navigation as header and footer menus, linking posts, pages and tags it knows', async () => {
    const reader = openGhostExport(GHOST_5);
    const items = await readAll(reader);
    expect(byKind(items, 'menu-item')).toEqual([
      { kind: 'menu-item', sourceId: 'navigation:0', menu: 'header', label: 'Home', target: { kind: 'url', url: '/' }, position: 0 },
      { kind: 'menu-item', sourceId: 'navigation:1', menu: 'header', label: 'About', target: { kind: 'page', sourceId: id5(16) }, position: 1 },
      { kind: 'menu-item', sourceId: 'navigation:2', menu: 'header', label: 'Europe', target: { kind: 'tag', sourceId: id5(22) }, position: 2 },
      { kind: 'menu-item', sourceId: 'secondary_navigation:1', menu: 'footer', label: 'Elsewhere', target: { kind: 'url', url: 'https://elsewhere.example.org/' }, position: 0 },
    ]);
    expect(reader.warnings).toEqual([{ item: 'menu link "Sign up"', message: "It opens Ghost's members portal, which has no place here, and was left out" }]);
  });

  it('puts the site address given in place of Ghost URL placeholders', async () => {
    const reader = openGhostExport(GHOST_5, { siteUrl: 'https://northwind.example.org/' });
    expect(reader.siteUrl).toBe('https://northwind.example.org');
    const post = entry(await readAll(reader), 'border-after-treaty');
    expect(post).toMatchObject({ featuredImage: { url: 'https://northwind.example.org/content/images/2024/03/border.jpg' } });
    expect(post?.kind === 'post' && post.html).toContain('src="https://northwind.example.org/content/images/2024/03/checkpoint.jpg"');
  });
});

describe('openGhostExport, a Ghost 4 export with Mobiledoc bodies', () => {
  it('renders Mobiledoc, takes meta fields from posts or posts_meta, and names the source by the owner’s address domain', async () => {
    const reader = openGhostExport(GHOST_4);
    expect(reader.source).toBe('ghost:riverdesk.example');
    const items = await readAll(reader);
    expect(entry(items, 'water-rights-upstream')).toEqual({
      kind: 'post',
      sourceId: id4(11),
      title: 'Water rights upstream',
      slug: 'water-rights-upstream',
      status: 'published',
      html:
        '<p>The river crosses <em>three</em> borders; see <a href="https://rivers.example.org/basin">the basin map</a>.</p>' +
        '<h2>Upstream</h2><ol><li>Dams</li><li>Canals</li></ol>' +
        '<figure><img src="/content/images/2021/06/dam.jpg" alt="The dam from below" width="1200" height="800"><figcaption>Built in 1962</figcaption></figure>' +
        '<blockquote><p>Water runs downhill,<br>and so does blame.</p></blockquote>' +
        '<p>A <strong>markdown</strong> card with a <a href="https://rivers.example.org/data">source</a>.</p>' +
        '<p class="note">Raw note</p><iframe src="https://maps.example.org/embed"></iframe><hr>',
      dek: 'Three borders, one river.',
      seoTitle: 'Who owns the river?',
      seoDescription: 'Three borders, one river.',
      authorSourceIds: ['1'],
      sectionSourceIds: [],
      tagSourceIds: [id4(21)],
      featuredImage: { url: 'https://images.example.org/river.jpg', alt: 'A river bend', caption: 'Near the source' },
      publishedAt: new Date('2021-06-01T09:00:00.000Z'),
      createdAt: new Date('2021-05-03T08:00:00.000Z'),
      modifiedAt: new Date('2021-06-01T10:00:00.000Z'),
      oldUrls: ['/water-rights-upstream/'],
      warnings: [
        { item: 'post "Water rights upstream"', message: 'HTML card holds <iframe>, which will be dropped' },
        { item: 'post "Water rights upstream"', message: 'Unknown Mobiledoc card "signup" dropped' },
      ],
    });
    expect(entry(items, 'masthead')).toMatchObject({
      kind: 'page',
      status: 'draft',
      notPublicBecause: 'members-only in Ghost (visibility: members)',
      seoTitle: 'The masthead',
      html: '<p>Who we are.</p>',
    });
  });

  it('reads the top-level { meta, data } shape some tools write', async () => {
    const wrapped = JSON.parse(readFileSync(GHOST_4, 'utf8')) as { db: unknown[] };
    const reader = openGhostExport(tempFile('flat.json', JSON.stringify(wrapped.db[0])));
    expect((await readAll(reader)).map((item) => item.kind)).toEqual(['author', 'tag', 'post', 'page']);
  });
});

describe('openGhostExport refuses what it cannot read, with a sentence a person can act on', () => {
  const refusal = (path: string, options?: Parameters<typeof openGhostExport>[1]) => {
    try {
      openGhostExport(path, options);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as Error).message;
    }
    throw new Error('no refusal');
  };

  it('a JSON file that is not a Ghost export', () => {
    expect(refusal(tempFile('other.json', JSON.stringify({ posts: [] })))).toBe('This file is not a Ghost export: it has no db[0].data.posts. Export the site again from Ghost (Settings → Labs → Export your content) and upload that file.');
  });

  it('a file that is not JSON at all', () => {
    expect(refusal(tempFile('export.xml', '<?xml version="1.0"?><rss></rss>'))).toBe('This file is not a Ghost export: it is not JSON. Export the site again from Ghost (Settings → Labs → Export your content) and upload that file.');
  });

  it('a file over the size it reads at once, while the same file under the limit is read', () => {
    expect(refusal(GHOST_4, { maxBytes: 1000 })).toBe(
      'This file is 3.7 KB, over the 1.0 KB a Ghost export may be here. Make it smaller by removing the plaintext and mobiledoc fields of its posts (not needed where html or lexical is present) and upload it again.',
    );
    expect(openGhostExport(GHOST_4, { maxBytes: 10_000 }).source).toBe('ghost:riverdesk.example');
  });
});
