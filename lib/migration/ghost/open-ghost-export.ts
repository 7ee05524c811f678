import { readFileSync, statSync } from 'node:fs';
import type {
  ImportedAccess,
  ImportedAuthor,
  ImportedEntry,
  ImportedEntryStatus,
  ImportedImageRef,
  ImportedMenuItem,
  ImportedTag,
  ImportedTier,
  ImportItem,
  ImportSourceReader,
  ImportWarning,
} from '@/lib/migration/import/import-model';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import { htmlCard, htmlToPlainText } from './ghost-cards';
import { renderLexical } from './render-lexical';
import { renderMobiledoc } from './render-mobiledoc';
import { tidyGhostHtml } from './tidy-ghost-html';

/** Ghost exports are one JSON document; above this it is not read whole into memory. */
export const GHOST_EXPORT_MAX_BYTES = 400_000_000;

type Row = Record<string, unknown>;
type GhostData = { posts: Row[]; posts_meta: Row[]; users: Row[]; tags: Row[]; posts_tags: Row[]; posts_authors: Row[]; roles: Row[]; roles_users: Row[]; settings: Row[]; products: Row[]; posts_products: Row[] };

const AGAIN = 'Export the site again from Ghost (Settings → Labs → Export your content) and upload that file.';
const PLACEHOLDER = '__GHOST_URL__';

const str = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null) : []);
const optional = (value: unknown) => str(value).trim() || undefined;

/**
 * Opens a Ghost 4, 5 or 6 JSON export (Settings → Labs → Export): users, tags, posts and pages,
 * and the site's navigation, in the import model. `siteUrl` stands in for Ghost's `__GHOST_URL__`
 * placeholders; without it they become site-relative paths.
 */
export function openGhostExport(filePath: string, options: { siteUrl?: string; maxBytes?: number } = {}): ImportSourceReader {
  const data = readGhostData(filePath, options.maxBytes ?? GHOST_EXPORT_MAX_BYTES);
  const setting = (key: string) => str(data.settings.find((row) => row.key === key)?.value);
  const siteUrl = (options.siteUrl || setting('url')).trim().replace(/\/+$/, '') || undefined;
  const withSite = (value: string) => value.split(PLACEHOLDER).join(siteUrl ?? '');
  const warnings: ImportWarning[] = [];

  const tags = data.tags.map((row): ImportedTag => {
    const name = str(row.name);
    const isInternal = row.visibility === 'internal' || name.startsWith('#');
    return { kind: 'tag', sourceId: str(row.id), name, slug: str(row.slug), description: optional(row.description), isInternal, oldUrls: isInternal ? [] : [`/tag/${str(row.slug)}/`] };
  });
  const internalTags = new Set(tags.filter((tag) => tag.isInternal).map((tag) => tag.sourceId));
  const authors = data.users.map(
    (row): ImportedAuthor => ({ kind: 'author', sourceId: str(row.id), name: str(row.name), slug: str(row.slug), email: optional(row.email), bio: optional(row.bio), oldUrls: [`/author/${str(row.slug)}/`] }),
  );
  const linksOf = (table: Row[], key: string) => {
    const byPost = new Map<string, Row[]>();
    for (const row of table) byPost.set(str(row.post_id), [...(byPost.get(str(row.post_id)) ?? []), row]);
    return (postId: string) => (byPost.get(postId) ?? []).sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0)).map((row) => str(row[key]));
  };
  const authorsOf = linksOf(data.posts_authors, 'author_id');
  const tagsOf = linksOf(data.posts_tags, 'tag_id');
  const metaOf = new Map(data.posts_meta.map((row) => [str(row.post_id), row]));
  const productIdsOf = linksOf(data.posts_products, 'product_id');
  const products = new Map(data.products.map((row) => [str(row.id), row]));
  /** The tiers (Ghost 5 calls them products) a `tiers` post is for; its free tier means any signed-in reader. */
  const tiersOf = (postId: string) => {
    const chosen = productIdsOf(postId)
      .map((productId) => products.get(productId))
      .filter((product): product is Row => product !== undefined);
    return { includesFree: chosen.some((row) => row.type === 'free'), paid: chosen.filter((row) => row.type !== 'free' && str(row.name).trim()).map(toTier) };
  };

  const entry = (post: Row): ImportedEntry => {
    const sourceId = str(post.id);
    const kind = post.type === 'page' || post.page === true || post.page === 1 ? 'page' : 'post';
    const title = str(post.title);
    const item = `${kind} "${title}"`;
    const entryWarnings: ImportWarning[] = [];
    // Messages quote addresses from the body, which hold the placeholder until the body is finished.
    const warn = (message: string) => entryWarnings.push({ item, message: withSite(message) });
    const meta = metaOf.get(sourceId) ?? {};
    const field = (name: string) => optional(post[name]) ?? optional(meta[name]);
    const html = withSite(str(post.html).trim() ? htmlCard(tidyGhostHtml(str(post.html), warn), warn, 'The body') : post.lexical ? renderLexical(post.lexical, warn) : post.mobiledoc ? renderMobiledoc(post.mobiledoc, warn) : '');
    if (str(post.codeinjection_head).trim() || str(post.codeinjection_foot).trim()) warn('Code injection dropped: it would run as a script on the page');
    const { status, notPublicBecause, access } = statusOf(post, kind, tiersOf(sourceId));
    const authorIds = authorsOf(sourceId);
    const featureUrl = optional(post.feature_image);
    const featuredImage: ImportedImageRef | undefined = featureUrl
      ? { url: withSite(featureUrl), alt: htmlToPlainText(field('feature_image_alt')), caption: htmlToPlainText(field('feature_image_caption')) }
      : undefined;
    return {
      kind,
      sourceId,
      title,
      slug: str(post.slug),
      status,
      ...(notPublicBecause ? { notPublicBecause } : {}),
      ...(access ? { access } : {}),
      html,
      dek: str(post.custom_excerpt).trim(),
      seoTitle: field('meta_title'),
      seoDescription: field('meta_description'),
      authorSourceIds: authorIds.length > 0 ? authorIds : [str(post.author_id)].filter(Boolean),
      sectionSourceIds: [],
      tagSourceIds: tagsOf(sourceId).filter((tagId) => !internalTags.has(tagId)),
      featuredImage,
      publishedAt: ghostDate(post.published_at),
      createdAt: ghostDate(post.created_at),
      modifiedAt: ghostDate(post.updated_at),
      oldUrls: [`/${str(post.slug)}/`],
      warnings: entryWarnings,
    };
  };

  const menuItems = ((): ImportedMenuItem[] => {
    const targets = new Map<string, ImportedMenuItem['target']>();
    for (const post of data.posts) targets.set(`/${str(post.slug)}/`, { kind: post.type === 'page' ? 'page' : 'post', sourceId: str(post.id) });
    for (const tag of tags) targets.set(`/tag/${tag.slug}/`, { kind: 'tag', sourceId: tag.sourceId });
    const menus = [['navigation', 'header'] as const, ['secondary_navigation', 'footer'] as const];
    return menus.flatMap(([key, menu]) => {
      let position = 0;
      return rows(parseJson(setting(key))).flatMap((link, index): ImportedMenuItem[] => {
        const label = str(link.label);
        const url = str(link.url).trim();
        if (url.startsWith('#/portal')) {
          warnings.push({ item: `menu link "${label}"`, message: "It opens Ghost's members portal, which has no place here, and was left out" });
          return [];
        }
        const path = url.startsWith(PLACEHOLDER) ? url.slice(PLACEHOLDER.length) || '/' : siteUrl && url.startsWith(`${siteUrl}/`) ? url.slice(siteUrl.length) : url;
        const target = targets.get(path.replace(/[?#].*$/, '')) ?? { kind: 'url' as const, url: path };
        return [{ kind: 'menu-item', sourceId: `${key}:${index}`, menu, label, target, position: position++ }];
      });
    });
  })();

  return {
    source: `ghost:${sourceName(data, setting)}`,
    siteUrl,
    warnings,
    countItems: async () => authors.length + tags.length + data.posts.length + menuItems.length,
    async *items(): AsyncGenerator<ImportItem> {
      yield* authors;
      yield* tags;
      for (const post of data.posts) yield entry(post);
      yield* menuItems;
    },
  };
}

function readGhostData(filePath: string, maxBytes: number): GhostData {
  const size = statSync(filePath).size;
  if (size > maxBytes) {
    throw new InvalidInputError(
      `This file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} a Ghost export may be here. Make it smaller by removing the plaintext and mobiledoc fields of its posts (not needed where html or lexical is present) and upload it again.`,
    );
  }
  const root = parseJson(readFileSync(filePath, 'utf8').replace(/^\uFEFF/, ''));
  if (root === undefined) throw new InvalidInputError(`This file is not a Ghost export: it is not JSON. ${AGAIN}`);
  const top = (root ?? {}) as { db?: unknown; data?: unknown };
  const database = (Array.isArray(top.db) ? top.db[0] : top) as { data?: Row } | undefined;
  const data = database?.data;
  if (!data || !Array.isArray(data.posts)) throw new InvalidInputError(`This file is not a Ghost export: it has no db[0].data.posts. ${AGAIN}`);
  const table = (name: keyof GhostData) => rows(data[name]);
  return {
    posts: table('posts'),
    posts_meta: table('posts_meta'),
    users: table('users'),
    tags: table('tags'),
    posts_tags: table('posts_tags'),
    posts_authors: table('posts_authors'),
    roles: table('roles'),
    roles_users: table('roles_users'),
    settings: table('settings'),
    products: table('products'),
    posts_products: table('posts_products'),
  };
}

function toTier(row: Row): ImportedTier {
  const cents = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);
  return {
    name: str(row.name).trim(),
    description: str(row.description).trim(),
    monthlyPriceCents: cents(row.monthly_price),
    yearlyPriceCents: cents(row.yearly_price),
    currency: /^[a-z]{3}$/i.test(str(row.currency)) ? str(row.currency).toLowerCase() : null,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Ghost's visibility in this site's access levels: free members are signed-in readers, paid members are members. */
const ACCESS_OF_VISIBILITY: Record<string, ImportedAccess['level']> = { members: 'registered', paid: 'members', tiers: 'tiers' };

function statusOf(post: Row, kind: ImportedEntry['kind'], tiers: { paid: ImportedTier[]; includesFree: boolean }): { status: ImportedEntryStatus; notPublicBecause?: string; access?: ImportedAccess } {
  const visibility = str(post.visibility) || 'public';
  if (visibility !== 'public') {
    const level = ACCESS_OF_VISIBILITY[visibility];
    // Pages here are open to all, so a members-only page waits as a draft.
    if (kind === 'page') return { status: 'draft', notPublicBecause: `members-only in Ghost (visibility: ${visibility})` };
    if (!level) return { status: 'draft', notPublicBecause: `members-only in Ghost with a visibility this import does not know ("${visibility}")` };
    const access: ImportedAccess =
      level !== 'tiers' ? { level, tiers: [] } : tiers.includesFree ? { level: 'registered', tiers: [] } : tiers.paid.length > 0 ? { level, tiers: tiers.paid } : { level: 'members', tiers: [] };
    return { ...statusOf({ ...post, visibility: 'public' }, kind, tiers), access };
  }
  if (post.status === 'sent') return { status: 'draft', notPublicBecause: 'sent by email only in Ghost, never published on the site' };
  if (post.status === 'published') return { status: 'published' };
  if (post.status === 'scheduled') return { status: 'scheduled' };
  return { status: 'draft' };
}

/**
 * What names the site across exports, so a second export of it updates what the first created:
 * its address when the export holds one, else the database hash Ghost sets once at install,
 * else the domain of the owner's address.
 */
function sourceName(data: GhostData, setting: (key: string) => string): string {
  const url = setting('url').trim().replace(/\/+$/, '');
  if (url) return url;
  const hash = setting('db_hash').trim();
  if (hash) return `db-${hash}`;
  const ownerRole = data.roles.find((role) => role.name === 'Owner');
  const ownerId = str(data.roles_users.find((link) => ownerRole && link.role_id === ownerRole.id)?.user_id);
  const earliest = [...data.users].sort((a, b) => (ghostDate(a.created_at)?.getTime() ?? 0) - (ghostDate(b.created_at)?.getTime() ?? 0))[0];
  const owner = data.users.find((user) => ownerId && str(user.id) === ownerId) ?? earliest;
  const domain = str(owner?.email).split('@')[1]?.trim().toLowerCase();
  return domain || 'export';
}

/** Ghost writes GMT as ISO (`2024-03-02T08:30:00.000Z`), older exports as `2021-05-03 08:00:00` or epoch milliseconds. */
function ghostDate(value: unknown): Date | undefined {
  if (typeof value === 'number') return new Date(value);
  const text = str(value).trim();
  if (!text) return undefined;
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function formatBytes(bytes: number): string {
  const [unit, name] = bytes >= 1_000_000 ? [1_000_000, 'MB'] : [1_000, 'KB'];
  return `${(bytes / unit).toFixed(bytes / unit < 10 ? 1 : 0)} ${name}`;
}
