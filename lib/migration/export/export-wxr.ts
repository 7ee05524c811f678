import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articles, contributors, entities, media, navigationItems, pages, publishedArticleAuthors, publishedArticleEntities, articleEntities, revisions, sections } from '@/db/schema';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { entityHrefsFor } from '@/lib/entities/entity-hrefs-for';
import { mediaFileUrl } from '@/lib/media/media-view';
import { withPublicMediaAddresses } from '@/lib/media/with-public-media-addresses';
import { getConfig } from '@/lib/platform/config/get-config';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { wallClockParts } from '@/lib/platform/time/zoned-time';
import type { ExportWriter } from './export-writer';

/** WordPress's post statuses for ours: nothing that is not public here becomes public there. */
const WXR_STATUS = {
  draft: 'draft',
  changes_requested: 'draft',
  in_review: 'pending',
  approved: 'pending',
  scheduled: 'future',
  published: 'publish',
  unpublished: 'draft',
} as const;

/** A CDATA section; `]]>` inside the text is split across two sections, so no text can end it early. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[character]!);
}

/** XML 1.0 refuses most control characters even inside CDATA. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const pad = (value: number) => String(value).padStart(2, '0');

function wpDate(instant: Date | null, timeZone: string): string {
  if (!instant) return '0000-00-00 00:00:00';
  const parts = wallClockParts({ instant, timeZone });
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)} ${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
}

/** Site-relative addresses in rendered HTML made absolute, so images and links still lead here from WordPress. */
function absoluteAddresses(html: string, siteUrl: string): string {
  return html
    .replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${siteUrl}/`)
    .replace(/(\ssrcset=")([^"]*)"/g, (_match, start: string, value: string) =>
      `${start}${value.split(',').map((candidate) => (candidate.trim().startsWith('/') ? `${siteUrl}${candidate.trim()}` : candidate.trim())).join(', ')}"`,
    );
}

function bodyHtml(doc: JSONContent, siteUrl: string): string {
  return absoluteAddresses(renderArticleHtml(withPublicMediaAddresses(doc), { entityHrefs: entityHrefsFor(doc) }), siteUrl);
}

type WxrItem = {
  postId: number;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  date: Date | null;
  modified: Date | null;
  slug: string;
  status: string;
  type: 'post' | 'page' | 'attachment' | 'nav_menu_item';
  menuOrder?: number;
  parent?: number;
  categories?: Array<{ domain: string; slug: string; name: string }>;
  meta?: Array<[string, string]>;
  attachmentUrl?: string;
};

/** Renders the site as a WordPress eXtended RSS 1.2 file, which WordPress's importer reads. */
export function renderWxr({ now = new Date() }: { now?: Date } = {}): string {
  const db = getDb();
  const siteUrl = getConfig().siteUrl.replace(/\/+$/, '');
  const { siteName, timeZone } = getSiteSettings();
  const lines: string[] = [];
  const push = (line: string) => lines.push(xmlSafe(line));

  push('<?xml version="1.0" encoding="UTF-8" ?>');
  push('<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">');
  push('<channel>');
  push(`<title>${escapeXml(siteName)}</title>`);
  push(`<link>${escapeXml(siteUrl)}</link>`);
  push('<description></description>');
  push(`<pubDate>${now.toUTCString().replace('GMT', '+0000')}</pubDate>`);
  push('<language>en</language>');
  push('<wp:wxr_version>1.2</wp:wxr_version>');
  push(`<wp:base_site_url>${escapeXml(siteUrl)}</wp:base_site_url>`);
  push(`<wp:base_blog_url>${escapeXml(siteUrl)}</wp:base_blog_url>`);

  const contributorRows = db.select().from(contributors).where(eq(contributors.reviewStatus, 'approved')).orderBy(asc(contributors.id)).all();
  for (const person of contributorRows) {
    push(
      `<wp:author><wp:author_id>${person.id}</wp:author_id><wp:author_login>${cdata(person.slug)}</wp:author_login><wp:author_email>${cdata('')}</wp:author_email><wp:author_display_name>${cdata(person.name)}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>`,
    );
  }
  const logins = new Map(contributorRows.map((person) => [person.id, person.slug]));

  const sectionRows = db.select().from(sections).orderBy(asc(sections.position), asc(sections.id)).all();
  for (const section of sectionRows) {
    push(
      `<wp:category><wp:term_id>${section.id}</wp:term_id><wp:category_nicename>${cdata(section.slug)}</wp:category_nicename><wp:category_parent>${cdata('')}</wp:category_parent><wp:cat_name>${cdata(section.name)}</wp:cat_name><wp:category_description>${cdata(section.description)}</wp:category_description></wp:category>`,
    );
  }
  const tagRows = db.select().from(entities).where(eq(entities.status, 'approved')).orderBy(asc(entities.id)).all();
  // Entities of different kinds may share a slug; WordPress tags may not.
  const tagSlugs = new Map<number, string>();
  const taken = new Set<string>();
  for (const entity of tagRows) {
    const slug = taken.has(entity.slug) ? `${entity.slug}-${entity.kind}` : entity.slug;
    taken.add(slug);
    tagSlugs.set(entity.id, slug);
  }
  const termIdOffset = Math.max(0, ...sectionRows.map((section) => section.id));
  for (const entity of tagRows) {
    push(
      `<wp:tag><wp:term_id>${termIdOffset + entity.id}</wp:term_id><wp:tag_slug>${cdata(tagSlugs.get(entity.id)!)}</wp:tag_slug><wp:tag_name>${cdata(entity.name)}</wp:tag_name><wp:tag_description>${cdata(entity.description)}</wp:tag_description></wp:tag>`,
    );
  }
  const navigationRows = db.select().from(navigationItems).orderBy(asc(navigationItems.menu), asc(navigationItems.position), asc(navigationItems.id)).all();
  const menus = [...new Set(navigationRows.map((item) => item.menu))];
  const menuTermOffset = termIdOffset + Math.max(0, ...tagRows.map((entity) => entity.id));
  menus.forEach((menu, index) => {
    push(`<wp:term><wp:term_id>${menuTermOffset + index + 1}</wp:term_id><wp:term_taxonomy>${cdata('nav_menu')}</wp:term_taxonomy><wp:term_slug>${cdata(menu)}</wp:term_slug><wp:term_name>${cdata(menu === 'header' ? 'Header' : 'Footer')}</wp:term_name></wp:term>`);
  });

  const items: WxrItem[] = [];
  // One id space for every kind of WordPress post: attachments, then articles, pages and menu items.
  let nextPostId = 0;
  const attachmentIds = new Map<number, number>();
  for (const image of db.select().from(media).orderBy(asc(media.id)).all()) {
    const postId = ++nextPostId;
    attachmentIds.set(image.id, postId);
    const url = `${siteUrl}${mediaFileUrl({ id: image.id, storedPath: image.variants.at(-1)?.path ?? image.originalPath })}`;
    items.push({
      postId,
      title: image.originalName.replace(/\.[^.]+$/, ''),
      link: url,
      creator: '',
      content: image.caption,
      excerpt: image.caption,
      date: image.createdAt,
      modified: image.createdAt,
      slug: `media-${image.id}`,
      status: 'inherit',
      type: 'attachment',
      attachmentUrl: url,
      meta: [['_wp_attachment_image_alt', image.alt]],
    });
  }

  const articleRows = db.select().from(articles).orderBy(asc(articles.id)).all();
  const revisionRows = new Map(
    db
      .select()
      .from(revisions)
      .where(inArray(revisions.id, articleRows.flatMap((row) => (row.publishedRevisionId ? [row.publishedRevisionId] : []))))
      .all()
      .map((revision) => [revision.id, revision]),
  );
  const publishedBylines = db.select().from(publishedArticleAuthors).orderBy(asc(publishedArticleAuthors.position)).all();
  const workingBylines = db.select().from(articleAuthors).orderBy(asc(articleAuthors.position)).all();
  const publishedTags = db.select().from(publishedArticleEntities).all();
  const workingTags = db.select().from(articleEntities).all();
  const sectionsById = new Map(sectionRows.map((section) => [section.id, section]));
  const entitiesById = new Map(tagRows.map((entity) => [entity.id, entity]));

  for (const row of articleRows) {
    const snapshot = row.status === 'published' && row.publishedRevisionId ? revisionRows.get(row.publishedRevisionId) : undefined;
    const isLive = Boolean(snapshot);
    const byline = (isLive ? publishedBylines : workingBylines).filter((entry) => entry.articleId === row.id);
    const tagIds = (isLive ? publishedTags : workingTags).filter((entry) => entry.articleId === row.id).map((entry) => entry.entityId);
    const section = sectionsById.get((isLive ? row.publishedSectionId : row.sectionId) ?? -1);
    const featured = isLive ? (snapshot!.meta.featuredMediaId ?? row.featuredMediaId) : row.featuredMediaId;
    const slug = snapshot?.slug ?? row.slug;
    items.push({
      postId: ++nextPostId,
      title: snapshot?.title ?? row.title,
      link: `${siteUrl}/articles/${slug}`,
      creator: logins.get(byline[0]?.contributorId ?? -1) ?? '',
      content: bodyHtml(snapshot?.body ?? row.body, siteUrl),
      excerpt: snapshot?.dek ?? row.dek,
      date: row.status === 'scheduled' ? row.scheduledFor : (row.publishedAt ?? row.createdAt),
      modified: row.modifiedAt ?? row.updatedAt,
      slug,
      status: WXR_STATUS[row.status],
      type: 'post',
      categories: [
        ...(section ? [{ domain: 'category', slug: section.slug, name: section.name }] : []),
        ...tagIds.flatMap((entityId) => {
          const entity = entitiesById.get(entityId);
          return entity ? [{ domain: 'post_tag', slug: tagSlugs.get(entity.id)!, name: entity.name }] : [];
        }),
      ],
      meta: featured && attachmentIds.has(featured) ? [['_thumbnail_id', String(attachmentIds.get(featured))]] : [],
    });
  }

  for (const page of db.select().from(pages).orderBy(asc(pages.id)).all()) {
    const isLive = page.status === 'published' && page.publishedBody !== null;
    items.push({
      postId: ++nextPostId,
      title: (isLive ? page.publishedTitle : null) ?? page.title,
      link: `${siteUrl}/${page.slug}`,
      creator: '',
      content: bodyHtml((isLive ? page.publishedBody : page.body) as JSONContent, siteUrl),
      excerpt: page.seoDescription,
      date: page.publishedAt ?? page.createdAt,
      modified: page.updatedAt,
      slug: page.slug,
      status: isLive ? 'publish' : 'draft',
      type: 'page',
    });
  }

  navigationRows.forEach((item) => {
    const href = item.href.startsWith('/') ? `${siteUrl}${item.href}` : item.href;
    items.push({
      postId: ++nextPostId,
      title: item.label,
      link: href,
      creator: '',
      content: '',
      excerpt: '',
      date: item.createdAt,
      modified: item.createdAt,
      slug: `menu-item-${item.id}`,
      status: 'publish',
      type: 'nav_menu_item',
      menuOrder: item.position + 1,
      categories: [{ domain: 'nav_menu', slug: item.menu, name: item.menu === 'header' ? 'Header' : 'Footer' }],
      meta: [
        ['_menu_item_type', 'custom'],
        ['_menu_item_menu_item_parent', '0'],
        ['_menu_item_object_id', String(nextPostId)],
        ['_menu_item_object', 'custom'],
        ['_menu_item_target', ''],
        ['_menu_item_url', href],
      ],
    });
  });

  for (const item of items) {
    push('<item>');
    push(`<title>${cdata(item.title)}</title>`);
    push(`<link>${escapeXml(item.link)}</link>`);
    push(`<pubDate>${item.date ? item.date.toUTCString().replace('GMT', '+0000') : ''}</pubDate>`);
    push(`<dc:creator>${cdata(item.creator)}</dc:creator>`);
    push(`<guid isPermaLink="false">${escapeXml(`${siteUrl}/?p=${item.postId}`)}</guid>`);
    push('<description></description>');
    push(`<content:encoded>${cdata(item.content)}</content:encoded>`);
    push(`<excerpt:encoded>${cdata(item.excerpt)}</excerpt:encoded>`);
    push(`<wp:post_id>${item.postId}</wp:post_id>`);
    push(`<wp:post_date>${cdata(wpDate(item.date, timeZone))}</wp:post_date>`);
    push(`<wp:post_date_gmt>${cdata(item.status === 'draft' || item.status === 'pending' ? '0000-00-00 00:00:00' : wpDate(item.date, 'UTC'))}</wp:post_date_gmt>`);
    push(`<wp:post_modified>${cdata(wpDate(item.modified, timeZone))}</wp:post_modified>`);
    push(`<wp:post_modified_gmt>${cdata(wpDate(item.modified, 'UTC'))}</wp:post_modified_gmt>`);
    push(`<wp:comment_status>${cdata('closed')}</wp:comment_status>`);
    push(`<wp:ping_status>${cdata('closed')}</wp:ping_status>`);
    push(`<wp:post_name>${cdata(item.slug)}</wp:post_name>`);
    push(`<wp:status>${cdata(item.status)}</wp:status>`);
    push(`<wp:post_parent>${item.parent ?? 0}</wp:post_parent>`);
    push(`<wp:menu_order>${item.menuOrder ?? 0}</wp:menu_order>`);
    push(`<wp:post_type>${cdata(item.type)}</wp:post_type>`);
    push(`<wp:post_password>${cdata('')}</wp:post_password>`);
    push('<wp:is_sticky>0</wp:is_sticky>');
    if (item.attachmentUrl) push(`<wp:attachment_url>${cdata(item.attachmentUrl)}</wp:attachment_url>`);
    for (const category of item.categories ?? []) {
      push(`<category domain="${category.domain}" nicename="${escapeXml(category.slug)}">${cdata(category.name)}</category>`);
    }
    for (const [key, value] of item.meta ?? []) {
      push(`<wp:postmeta><wp:meta_key>${cdata(key)}</wp:meta_key><wp:meta_value>${cdata(value)}</wp:meta_value></wp:postmeta>`);
    }
    push('</item>');
  }
  push('</channel>');
  push('</rss>');
  return `${lines.join('\n')}\n`;
}

/** Writes the WordPress file through an export writer (a folder, a zip, or one file for `--wxr`). */
export async function exportWxr({ write, fileName = 'wordpress.xml', now }: { write: ExportWriter; fileName?: string; now?: Date }): Promise<void> {
  await write.addText(fileName, renderWxr({ now }));
}
