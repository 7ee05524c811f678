import { eq } from 'drizzle-orm';
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, contributors, media, navigationItems, pages, revisions, sections, users } from '@/db/schema';
import { seedDemoMagazine } from '@/scripts/seed/seed-demo-magazine';
import { storeUpload } from '@/lib/media/store-upload';
import { renderWxr } from '@/lib/migration/export/export-wxr';
import { createTestArticle } from '../factories/article';
import { makeImage } from '../factories/image';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

type WxrItem = { fields: Record<string, string>; categories: Array<{ domain: string; nicename: string; name: string }>; meta: Record<string, string> };
type Wxr = { version: string; authors: Array<Record<string, string>>; categories: Array<Record<string, string>>; tags: Array<Record<string, string>>; items: WxrItem[] };

/** Reads a WXR file with a strict XML parser, as WordPress's importer would: it throws on anything not well formed. */
function parseWxr(xml: string): Wxr {
  const parser = sax.parser(true, { trim: false });
  const result: Wxr = { version: '', authors: [], categories: [], tags: [], items: [] };
  const stack: string[] = [];
  let text = '';
  let group: Record<string, string> | null = null;
  let item: WxrItem | null = null;
  let category: { domain: string; nicename: string } | null = null;
  let metaKey = '';
  parser.onopentag = (node) => {
    stack.push(node.name);
    text = '';
    if (node.name === 'item') item = { fields: {}, categories: [], meta: {} };
    if (['wp:author', 'wp:category', 'wp:tag'].includes(node.name) && !item) group = {};
    if (node.name === 'category' && item) category = { domain: String(node.attributes.domain), nicename: String(node.attributes.nicename) };
  };
  parser.ontext = (chunk) => (text += chunk);
  parser.oncdata = (chunk) => (text += chunk);
  parser.onclosetag = (name) => {
    stack.pop();
    const parent = stack.at(-1);
    if (name === 'wp:wxr_version') result.version = text;
    else if (group && ['wp:author', 'wp:category', 'wp:tag'].includes(name)) {
      ({ 'wp:author': result.authors, 'wp:category': result.categories, 'wp:tag': result.tags })[name]!.push(group);
      group = null;
    } else if (group) group[name] = text;
    else if (name === 'item' && item) {
      result.items.push(item);
      item = null;
    } else if (name === 'category' && item && category) {
      item.categories.push({ ...category, name: text });
      category = null;
    }
    else if (name === 'wp:meta_key') metaKey = text;
    else if (name === 'wp:meta_value' && item) item.meta[metaKey] = text;
    else if (item && parent === 'item') item.fields[name] = text;
    text = '';
  };
  parser.write(xml).close();
  return result;
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, '');

const gmt = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ');

describe('the WordPress export (WXR 1.2)', () => {
  it('holds every article with its status, GMT date, body, excerpt and terms; authors, categories, tags, pages, images and menus', async () => {
    const db = getDb();
    await seedDemoMagazine(db);
    const admin = db.select().from(users).where(eq(users.role, 'admin')).get()!;
    const upload = await storeUpload({ bytes: await makeImage({ format: 'jpeg', width: 1200, height: 800 }), originalName: 'harbour.jpg', declaredType: 'image/jpeg', alt: 'A harbour', actorId: admin.id });
    if (!upload.ok) throw new Error(upload.error);
    const tricky = createTestArticle({ title: 'Arrays like a[b[0]]> and <tags> & more', text: 'A CDATA end ]]> inside the text must not end the section.' });
    db.update(articles).set({ featuredMediaId: upload.media.id }).where(eq(articles.id, tricky.id)).run();
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Who we are.' }] }] };
    db.insert(pages).values({ slug: 'contact', title: 'Contact', body, status: 'published', publishedTitle: 'Contact', publishedBody: body, publishedAt: new Date('2025-01-01T00:00:00Z') }).run();
    db.insert(navigationItems).values({ menu: 'header', label: 'Contact', href: '/contact', position: 0 }).run();

    const wxr = parseWxr(renderWxr());
    expect(wxr.version).toBe('1.2');
    const posts = wxr.items.filter((item) => item.fields['wp:post_type'] === 'post');
    const rows = db.select().from(articles).all();
    expect(posts).toHaveLength(rows.length);
    const statusOf = { draft: 'draft', changes_requested: 'draft', in_review: 'pending', approved: 'pending', scheduled: 'future', published: 'publish', unpublished: 'draft' };
    for (const row of rows) {
      const live = row.status === 'published' && row.publishedRevisionId ? db.select().from(revisions).where(eq(revisions.id, row.publishedRevisionId)).get()! : null;
      const post = posts.find((candidate) => candidate.fields['wp:post_name'] === (live?.slug ?? row.slug));
      expect(post, row.slug).toBeDefined();
      expect(post!.fields.title).toBe(live?.title ?? row.title);
      expect(post!.fields['wp:status'], row.slug).toBe(statusOf[row.status]);
      expect(post!.fields['excerpt:encoded']).toBe(live?.dek ?? row.dek);
      expect(plain(post!.fields['content:encoded']!), row.slug).toContain((live?.bodyText ?? row.bodyText).slice(0, 80).replace(/\s+/g, ''));
      if (row.status === 'published') expect(post!.fields['wp:post_date_gmt']).toBe(gmt(row.publishedAt!));
      if (row.status === 'draft') expect(post!.fields['wp:post_date_gmt']).toBe('0000-00-00 00:00:00');
      const section = row.sectionId ? db.select().from(sections).where(eq(sections.id, (live ? row.publishedSectionId : row.sectionId) ?? -1)).get() : undefined;
      if (section) expect(post!.categories).toContainEqual({ domain: 'category', nicename: section.slug, name: section.name });
    }
    expect(posts.filter((post) => post.categories.some((category) => category.domain === 'post_tag')).length).toBeGreaterThan(10);

    const trickyPost = posts.find((post) => post.fields.title === 'Arrays like a[b[0]]> and <tags> & more')!;
    expect(plain(trickyPost.fields['content:encoded']!)).toContain('ACDATAend]]>insidethetext');
    const attachments = wxr.items.filter((item) => item.fields['wp:post_type'] === 'attachment');
    expect(attachments).toHaveLength(db.select().from(media).all().length);
    expect(trickyPost.meta._thumbnail_id).toBe(attachments[0]!.fields['wp:post_id']);
    expect(attachments[0]!.fields['wp:attachment_url']).toMatch(/^http:\/\/localhost:3000\/api\/media\/\d+-[\w-]+\/w\d+\.\w+$/);
    expect(attachments[0]!.meta._wp_attachment_image_alt).toBe('A harbour');

    expect(wxr.items.filter((item) => item.fields['wp:post_type'] === 'page').map((item) => [item.fields.title, item.fields['wp:status']])).toContainEqual(['Contact', 'publish']);
    const menuItem = wxr.items.find((item) => item.fields['wp:post_type'] === 'nav_menu_item' && item.fields.title === 'Contact')!;
    expect(menuItem.meta._menu_item_url).toBe('http://localhost:3000/contact');
    expect(menuItem.categories).toEqual([{ domain: 'nav_menu', nicename: 'header', name: 'Header' }]);

    expect(wxr.authors.map((author) => author['wp:author_display_name']).sort()).toEqual(
      db.select().from(contributors).where(eq(contributors.reviewStatus, 'approved')).all().map((person) => person.name).sort(),
    );
    expect(wxr.authors.every((author) => author['wp:author_email'] === '')).toBe(true);
    expect(wxr.categories.map((category) => category['wp:category_nicename']).sort()).toEqual(db.select().from(sections).all().map((section) => section.slug).sort());
    expect(new Set(wxr.tags.map((tag) => tag['wp:tag_slug'])).size).toBe(wxr.tags.length);
    const ids = wxr.items.map((item) => item.fields['wp:post_id']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
