import type {
  ImportedAuthor,
  ImportedEntry,
  ImportedEntryStatus,
  ImportedMedia,
  ImportedMenuItem,
  ImportedMenuTarget,
  ImportedSection,
  ImportedTag,
  ImportItem,
  ImportSourceReader,
  ImportWarning,
} from '@/lib/migration/import/import-model';
import type { WxrAttachment } from './body-context';
import { wordpressBodyToHtml } from './body-to-html';
import { htmlToText } from './html-text';
import { readWxrHead, readWxrRecords, type WxrRecord } from './wxr-records';

/** WordPress's own bookkeeping types: never content, so skipped without a word. */
const INTERNAL_POST_TYPES = new Set([
  'revision', 'customize_changeset', 'oembed_cache', 'custom_css', 'user_request', 'wp_block', 'wp_global_styles',
  'wp_template', 'wp_template_part', 'wp_navigation', 'wp_font_family', 'wp_font_face',
]);

const NO_DATE = '0000-00-00 00:00:00';

/** What the first pass learns: everything entries refer to, and the menus. */
type Catalogue = {
  references: ImportItem[];
  attachments: Map<string, WxrAttachment>;
  authorByNicename: Map<string, string>;
  /** Reusable blocks (`wp_block`) by id: posts refer to them with `<!-- wp:block {"ref":12} /-->`. */
  reusableBlocks: Map<string, string>;
  entryCount: number;
  menuItems: ImportedMenuItem[];
};

/**
 * Opens a WordPress export (WXR 1.0–1.2, Tools → Export) for import. The channel head is checked at
 * once, so a wrong file is refused before anything starts. `items()` reads the file twice, streaming
 * both times: first the authors, categories, tags, attachments and menus; then each post and page,
 * converted to HTML as it is reached.
 */
export function openWordPressExport(filePath: string): ImportSourceReader {
  const head = readWxrHead(filePath).fields;
  const siteUrl = withoutTrailingSlash(head.link ?? '');
  const warnings: ImportWarning[] = [];
  let catalogue: Promise<Catalogue> | null = null;
  const catalogueOnce = () => (catalogue ??= readCatalogue(filePath, warnings));

  return {
    // In a network of sites, base_site_url is the network's address, the same in every site's export; base_blog_url is this site's.
    source: `wordpress:${withoutTrailingSlash(head['wp:base_blog_url'] || head['wp:base_site_url'] || head.link || filePath)}`,
    siteUrl: siteUrl || undefined,
    warnings,
    async countItems() {
      const { references, entryCount, menuItems } = await catalogueOnce();
      return references.length + entryCount + menuItems.length;
    },
    async *items() {
      const known = await catalogueOnce();
      yield* known.references;
      for await (const record of readWxrRecords(filePath)) {
        const type = record.fields['wp:post_type'];
        if (record.element === 'item' && (type === 'post' || type === 'page')) yield readEntry(record, type, known);
      }
      yield* known.menuItems;
    },
  };
}

async function readCatalogue(filePath: string, warnings: ImportWarning[]): Promise<Catalogue> {
  const authors: ImportedAuthor[] = [];
  const categories: { record: WxrRecord; slug: string }[] = [];
  const tags: ImportedTag[] = [];
  const media: ImportedMedia[] = [];
  const attachments = new Map<string, WxrAttachment>();
  const termSlugs = new Map<string, { taxonomy: string; slug: string; name: string }>();
  const titles = new Map<string, string>();
  const navItems: WxrRecord[] = [];
  const reusableBlocks = new Map<string, string>();
  const creators = new Set<string>();
  const usedTerms = new Map<string, { domain: string; slug: string; name: string }>();
  let entryCount = 0;

  for await (const record of readWxrRecords(filePath)) {
    const f = record.fields;
    if (record.element === 'wp:author') authors.push(readAuthor(record));
    else if (record.element === 'wp:category') {
      const slug = decodeSlug(f['wp:category_nicename'] ?? '');
      categories.push({ record, slug });
      termSlugs.set(f['wp:term_id'] ?? '', { taxonomy: 'category', slug, name: htmlToText(f['wp:cat_name'] ?? '') });
    } else if (record.element === 'wp:tag') {
      const tag = readTag(record);
      tags.push(tag);
      termSlugs.set(f['wp:term_id'] ?? '', { taxonomy: 'post_tag', slug: tag.slug, name: tag.name });
    } else if (record.element === 'item') {
      const type = f['wp:post_type'] ?? 'post';
      const id = (f['wp:post_id'] ?? '').trim();
      if (type === 'attachment') {
        const attachment = readAttachment(record);
        attachments.set(id, attachment);
        media.push({ kind: 'media', sourceId: id, url: attachment.url, alt: attachment.alt, caption: attachment.caption, title: attachment.title });
      } else if (type === 'nav_menu_item') navItems.push(record);
      else if (type === 'wp_block') reusableBlocks.set(id, f['content:encoded'] ?? '');
      else if (type === 'post' || type === 'page') {
        entryCount += 1;
        titles.set(id, htmlToText(f.title ?? ''));
        const creator = (f['dc:creator'] ?? '').trim();
        if (creator) creators.add(creator);
        for (const term of record.categories) {
          const slug = decodeSlug(term.nicename);
          if ((term.domain === 'category' || term.domain === 'post_tag') && slug) usedTerms.set(`${term.domain}:${slug}`, { domain: term.domain, slug, name: htmlToText(term.name) });
        }
      } else if (!INTERNAL_POST_TYPES.has(type)) {
        warnings.push({ item: itemName(record, type), message: `Items of type "${type}" are not imported` });
      }
    }
  }

  authors.push(...authorsKnownOnlyByLogin(authors, creators, warnings));
  const parents = new Map(categories.map(({ record, slug }) => [slug, decodeSlug(record.fields['wp:category_parent'] ?? '')]));
  const sections = categories.map(({ record, slug }) => readSection(record, slug, parents));
  const { undefinedSections, undefinedTags } = termsOnlyOnPosts(usedTerms, sections, tags);
  return {
    references: [...authors, ...sections, ...undefinedSections, ...tags, ...undefinedTags, ...media],
    attachments,
    authorByNicename: new Map(authors.map((author) => [author.slug, author.sourceId])),
    reusableBlocks,
    entryCount,
    menuItems: readMenus(navItems, termSlugs, titles, warnings),
  };
}

function readAuthor({ fields: f }: WxrRecord): ImportedAuthor {
  const login = (f['wp:author_login'] ?? '').trim();
  const fullName = `${f['wp:author_first_name'] ?? ''} ${f['wp:author_last_name'] ?? ''}`.trim();
  const slug = slugify(login) || login;
  const email = (f['wp:author_email'] ?? '').trim();
  return {
    kind: 'author',
    sourceId: login,
    name: htmlToText(f['wp:author_display_name'] ?? '') || htmlToText(fullName) || login,
    slug,
    ...(email ? { email } : {}),
    oldUrls: [`/author/${wordpressNicename(login) || slug}/`],
  };
}

/**
 * The name WordPress gives an author's page (`user_nicename`, made from the login when the account is created):
 * lower case, dots as hyphens, underscores kept, `@` and other signs dropped. Not the slug made here, which
 * turns underscores into hyphens: `/author/jane_doe/` must redirect from where it was.
 */
function wordpressNicename(login: string): string {
  return login
    .slice(0, 50)
    .toLowerCase()
    .replace(/\./g, '-')
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A post's `dc:creator` is its author's login. An export made for one author, or from a site whose
 * user was deleted, may name a login it has no `wp:author` for: the byline keeps that login as the name.
 */
function authorsKnownOnlyByLogin(authors: ImportedAuthor[], creators: Set<string>, warnings: ImportWarning[]): ImportedAuthor[] {
  const known = new Set(authors.map((author) => author.sourceId));
  return [...creators]
    .filter((login) => !known.has(login))
    .map((login) => {
      const slug = slugify(login) || login;
      warnings.push({
        item: `author ${login}`,
        message: 'The export names this author only by their login, as the author of some posts: imported under that name. Give them their full name under Staff → Contributors.',
      });
      return { kind: 'author', sourceId: login, name: login, slug, oldUrls: [`/author/${wordpressNicename(login) || slug}/`] };
    });
}

/**
 * An export of posts alone (not "All content") lists no categories or tags: each post names its
 * own, and those are all there is to know of them. Their nesting is not known, so a nested
 * category's old address keeps only its own slug.
 */
function termsOnlyOnPosts(
  used: Map<string, { domain: string; slug: string; name: string }>,
  sections: ImportedSection[],
  tags: ImportedTag[],
): { undefinedSections: ImportedSection[]; undefinedTags: ImportedTag[] } {
  const defined = new Set([...sections.map((section) => `category:${section.sourceId}`), ...tags.map((tag) => `post_tag:${tag.sourceId}`)]);
  const missing = [...used.values()].filter((term) => !defined.has(`${term.domain}:${term.slug}`));
  return {
    undefinedSections: missing
      .filter((term) => term.domain === 'category')
      .map((term) => ({ kind: 'section', sourceId: term.slug, name: term.name || term.slug, slug: term.slug, oldUrls: [`/category/${term.slug}/`] })),
    undefinedTags: missing
      .filter((term) => term.domain === 'post_tag')
      .map((term) => ({ kind: 'tag', sourceId: term.slug, name: term.name || term.slug, slug: term.slug, oldUrls: [`/tag/${term.slug}/`] })),
  };
}

function readSection({ fields: f }: WxrRecord, slug: string, parents: Map<string, string>): ImportedSection {
  const path = [slug];
  for (let parent = parents.get(slug); parent && !path.includes(parent) && path.length < 20; parent = parents.get(parent)) path.unshift(parent);
  const description = htmlToText(f['wp:category_description'] ?? '');
  const oldUrls = [`/category/${path.join('/')}/`];
  if (path.length > 1) oldUrls.push(`/category/${slug}/`);
  return { kind: 'section', sourceId: slug, name: htmlToText(f['wp:cat_name'] ?? '') || slug, slug, ...(description ? { description } : {}), oldUrls };
}

function readTag({ fields: f }: WxrRecord): ImportedTag {
  const slug = decodeSlug(f['wp:tag_slug'] ?? '');
  const description = htmlToText(f['wp:tag_description'] ?? '');
  return { kind: 'tag', sourceId: slug, name: htmlToText(f['wp:tag_name'] ?? '') || slug, slug, ...(description ? { description } : {}), oldUrls: [`/tag/${slug}/`] };
}

function readAttachment({ fields: f, postmeta }: WxrRecord): WxrAttachment {
  return {
    id: (f['wp:post_id'] ?? '').trim(),
    url: (f['wp:attachment_url'] || f.guid || '').trim(),
    alt: htmlToText(postmeta.get('_wp_attachment_image_alt') ?? ''),
    caption: htmlToText(f['excerpt:encoded'] ?? ''),
    title: htmlToText(f.title ?? ''),
    parentId: (f['wp:post_parent'] ?? '').trim(),
  };
}

function readEntry(record: WxrRecord, kind: 'post' | 'page', known: Catalogue): ImportedEntry {
  const { fields: f, postmeta } = record;
  const id = (f['wp:post_id'] ?? '').trim();
  const title = htmlToText(f.title ?? '');
  const item = itemName(record, kind);
  const warnings: ImportWarning[] = [];
  const warn = (message: string) => {
    if (!warnings.some((warning) => warning.message === message)) warnings.push({ item, message });
  };
  const html = wordpressBodyToHtml(f['content:encoded'] ?? '', { attachments: known.attachments, reusableBlocks: known.reusableBlocks, postId: id, footnotes: postmeta.get('footnotes') ?? '', warn });
  const { status, notPublicBecause } = readStatus(f['wp:status'] ?? 'draft', f['wp:post_password'] ?? '');
  const postedAt = readPostDate(f, status, warn);
  const thumbnailId = (postmeta.get('_thumbnail_id') ?? '').trim();
  if (thumbnailId && !known.attachments.has(thumbnailId)) warn(`Featured image ${thumbnailId} is not in the export`);
  const seoTitle = (postmeta.get('_yoast_wpseo_title') ?? '').trim();
  const seoDescription = htmlToText(postmeta.get('_yoast_wpseo_metadesc') ?? '');
  const coAuthors = record.categories
    .filter((category) => category.domain === 'author')
    .map((category) => known.authorByNicename.get(category.nicename.replace(/^cap-/, '')))
    .filter((login): login is string => login !== undefined);
  const creator = (f['dc:creator'] ?? '').trim();

  return {
    kind,
    sourceId: id,
    title,
    slug: decodeSlug((f['wp:post_name'] ?? '').replace(/__trashed(-\d+)?$/, '')) || slugify(title) || `${kind}-${id}`,
    status,
    ...(notPublicBecause ? { notPublicBecause } : {}),
    html,
    dek: htmlToText(f['excerpt:encoded'] ?? ''),
    ...(seoTitle && !seoTitle.includes('%%') ? { seoTitle } : {}),
    ...(seoDescription && !seoDescription.includes('%%') ? { seoDescription } : {}),
    authorSourceIds: [...new Set([...(creator ? [creator] : []), ...coAuthors])],
    sectionSourceIds: termsOf(record, 'category'),
    tagSourceIds: termsOf(record, 'post_tag'),
    ...(thumbnailId && known.attachments.has(thumbnailId) ? { featuredImage: { mediaSourceId: thumbnailId } } : {}),
    publishedAt: status === 'published' || status === 'scheduled' ? postedAt : undefined,
    createdAt: postedAt,
    modifiedAt: readGmt(f['wp:post_modified_gmt']),
    oldUrls: oldUrlsOf(record, kind, id),
    warnings,
  };
}

function readStatus(wordpressStatus: string, password: string): { status: ImportedEntryStatus; notPublicBecause?: string } {
  if (wordpressStatus === 'trash') return { status: 'draft', notPublicBecause: 'in the WordPress trash' };
  if (wordpressStatus === 'private') return { status: 'draft', notPublicBecause: 'private in WordPress' };
  if (password.trim() !== '') return { status: 'draft', notPublicBecause: 'password-protected in WordPress' };
  if (wordpressStatus === 'publish') return { status: 'published' };
  if (wordpressStatus === 'future') return { status: 'scheduled' };
  if (wordpressStatus === 'pending') return { status: 'in_review' };
  return { status: 'draft' };
}

function oldUrlsOf({ fields: f }: WxrRecord, kind: 'post' | 'page', id: string): string[] {
  const urls = [(f.link ?? '').trim(), kind === 'page' ? `/?page_id=${id}` : `/?p=${id}`];
  const guid = (f.guid ?? '').trim();
  if (/[?&]p=\d+$/.test(guid)) urls.push(guid);
  return [...new Set(urls.filter((url) => url !== ''))];
}

function termsOf(record: WxrRecord, domain: string): string[] {
  return [...new Set(record.categories.filter((category) => category.domain === domain).map((category) => decodeSlug(category.nicename)))];
}

/**
 * Menu items become header or footer links: a menu whose name says "footer" is the footer, every
 * other menu the header. Nested items are flattened in the order WordPress shows them.
 */
function readMenus(
  records: WxrRecord[],
  terms: Map<string, { taxonomy: string; slug: string; name: string }>,
  titles: Map<string, string>,
  warnings: ImportWarning[],
): ImportedMenuItem[] {
  const placed = records
    .filter((record) => record.fields['wp:status'] === 'publish')
    .map((record) => {
      const menuTerm = record.categories.find((category) => category.domain === 'nav_menu');
      const menu: 'header' | 'footer' = /footer/i.test(`${menuTerm?.nicename ?? ''} ${menuTerm?.name ?? ''}`) ? 'footer' : 'header';
      return { record, menu, order: Number(record.fields['wp:menu_order'] ?? 0) || 0 };
    })
    .sort((a, b) => (a.menu === b.menu ? a.order - b.order : a.menu === 'header' ? -1 : 1));

  const positions = { header: 0, footer: 0 };
  const items: ImportedMenuItem[] = [];
  for (const { record, menu } of placed) {
    const resolved = readMenuTarget(record, terms, titles);
    if ('problem' in resolved) {
      warnings.push({ item: itemName(record, 'menu item'), message: resolved.problem });
      continue;
    }
    const label = htmlToText(record.fields.title ?? '') || resolved.label;
    items.push({ kind: 'menu-item', sourceId: (record.fields['wp:post_id'] ?? '').trim(), menu, label, target: resolved.target, position: positions[menu]++ });
  }
  return items;
}

function readMenuTarget(
  { postmeta }: WxrRecord,
  terms: Map<string, { taxonomy: string; slug: string; name: string }>,
  titles: Map<string, string>,
): { target: ImportedMenuTarget; label: string } | { problem: string } {
  const type = postmeta.get('_menu_item_type') ?? '';
  const object = postmeta.get('_menu_item_object') ?? '';
  const objectId = (postmeta.get('_menu_item_object_id') ?? '').trim();
  if (type === 'post_type' && (object === 'post' || object === 'page')) {
    return { target: { kind: object, sourceId: objectId }, label: titles.get(objectId) ?? '' };
  }
  if (type === 'taxonomy' && (object === 'category' || object === 'post_tag')) {
    const term = terms.get(objectId);
    if (!term) return { problem: `Its ${object === 'category' ? 'category' : 'tag'} (term ${objectId}) is not in the export` };
    return { target: { kind: object === 'category' ? 'section' : 'tag', sourceId: term.slug }, label: term.name };
  }
  const url = (postmeta.get('_menu_item_url') ?? '').trim();
  if (type === 'custom' && url !== '') return { target: { kind: 'url', url }, label: url };
  return { problem: `Links to a ${object || type || 'target'} that is not imported` };
}

function itemName({ fields: f }: WxrRecord, type: string): string {
  return `${htmlToText(f.title ?? '') || '(no title)'} (${type} ${(f['wp:post_id'] ?? '').trim()})`;
}

/**
 * When the post was dated. WordPress leaves the GMT date all zeros on drafts, and on posts some
 * importers and plugins made; the local date is then the nearest there is, hours off at most.
 */
function readPostDate(f: Record<string, string>, status: ImportedEntryStatus, warn: (message: string) => void): Date | undefined {
  const gmt = readGmt(f['wp:post_date_gmt']);
  if (gmt) return gmt;
  const local = readGmt(f['wp:post_date']);
  if (local && (status === 'published' || status === 'scheduled')) warn(`The export gives no GMT date; its local date, ${(f['wp:post_date'] ?? '').trim()}, is taken as GMT.`);
  return local;
}

/** WordPress dates are `YYYY-MM-DD HH:MM:SS`; the `_gmt` ones are UTC, and all zeros means never. */
function readGmt(value: string | undefined): Date | undefined {
  const text = (value ?? '').trim();
  if (text === '' || text === NO_DATE) return undefined;
  const date = new Date(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Slugs with non-Latin letters are stored percent-encoded. */
function decodeSlug(slug: string): string {
  const trimmed = slug.trim();
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

function withoutTrailingSlash(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
