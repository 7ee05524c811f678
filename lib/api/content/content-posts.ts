import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { and, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, contributors, entities, media, publishedArticleAuthors, publishedArticleEntities, revisions, sections, type AccessLevel, type RevisionMeta } from '@/db/schema';
import { makeExcerpt } from '@/lib/content/derive-article-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { entityHrefsFor } from '@/lib/entities/entity-hrefs-for';
import { mediaFileUrl } from '@/lib/media/media-view';
import { withPublicMediaAddresses } from '@/lib/media/with-public-media-addresses';
import { getConfig } from '@/lib/platform/config/get-config';
import { withAbsoluteUrls } from './absolute-urls';
import { contentAuthor, postAuthorsFor } from './content-authors';
import { ContentApiError } from './content-api-error';
import { contentUuid, toContentId } from './content-ids';
import { contentLookupCondition, type ContentLookup } from './content-lookup-condition';
import { ghostTime, readingTime, type ContentPost } from './content-post-shape';
import { paginationFor, pickFields, type ContentQuery, type Pagination } from './content-query';
import { contentTag, postTagsFor } from './content-tags';
import { filterToSql, type FilterFields } from './filter-to-sql';
import { orderedPage } from './ordered-page';
import { isReadableArticle } from './public-article-condition';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { publicPartOf } from '@/lib/content/public-part';

const EXCERPT_LENGTH = 500;

/** All from the published snapshot: the revision, and the section the article was published in. */
const POST_COLUMNS = {
  id: articles.id,
  slug: revisions.slug,
  title: revisions.title,
  dek: revisions.dek,
  body: revisions.body,
  bodyText: revisions.bodyText,
  wordCount: revisions.wordCount,
  publishedAccess: articles.publishedAccess,
  meta: revisions.meta,
  createdAt: articles.createdAt,
  publishedAt: articles.publishedAt,
  modifiedAt: articles.modifiedAt,
  sectionId: sections.id,
  sectionName: sections.name,
  sectionSlug: sections.slug,
  sectionDescription: sections.description,
};

type PostRow = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  body: JSONContent;
  bodyText: string;
  wordCount: number;
  publishedAccess: AccessLevel;
  meta: RevisionMeta;
  createdAt: Date;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  sectionId: number | null;
  sectionName: string | null;
  sectionSlug: string | null;
  sectionDescription: string | null;
};

const hasTag = (slugs: string[]): SQL =>
  sql`(coalesce(${inArray(sections.slug, slugs)}, 0) or ${exists(
    getDb()
      .select({ one: sql`1` })
      .from(publishedArticleEntities)
      .innerJoin(entities, eq(entities.id, publishedArticleEntities.entityId))
      .where(and(eq(publishedArticleEntities.articleId, articles.id), eq(entities.status, 'approved'), inArray(entities.slug, slugs))),
  )})`;

const hasAuthor = (slugs: string[]): SQL =>
  exists(
    getDb()
      .select({ one: sql`1` })
      .from(publishedArticleAuthors)
      .innerJoin(contributors, eq(contributors.id, publishedArticleAuthors.contributorId))
      .where(and(eq(publishedArticleAuthors.articleId, articles.id), inArray(contributors.slug, slugs))),
  );

const primaryAuthorSlug = sql`(select ${contributors.slug} from ${publishedArticleAuthors} inner join ${contributors} on ${contributors.id} = ${publishedArticleAuthors.contributorId} where ${publishedArticleAuthors.articleId} = ${articles.id} order by ${publishedArticleAuthors.position} limit 1)`;

const POST_FIELDS: FilterFields = {
  id: { kind: 'id', column: articles.id, idKind: 'post' },
  slug: { kind: 'text', column: revisions.slug },
  title: { kind: 'text', column: revisions.title },
  published_at: { kind: 'date', column: articles.publishedAt },
  updated_at: { kind: 'date', column: sql`coalesce(${articles.modifiedAt}, ${articles.publishedAt})` },
  created_at: { kind: 'date', column: articles.createdAt },
  // Masthead has no featured flag: no post is featured.
  featured: { kind: 'boolean', condition: sql`0` },
  visibility: { kind: 'text', column: sql`case when ${articles.publishedAccess} = 'public' then 'public' else 'members' end` },
  status: { kind: 'constant', value: 'published' },
  tag: { kind: 'membership', matchesAny: hasTag },
  tags: { kind: 'membership', matchesAny: hasTag },
  'tags.slug': { kind: 'membership', matchesAny: hasTag },
  primary_tag: { kind: 'text', column: sections.slug },
  'primary_tag.slug': { kind: 'text', column: sections.slug },
  author: { kind: 'membership', matchesAny: hasAuthor },
  authors: { kind: 'membership', matchesAny: hasAuthor },
  'authors.slug': { kind: 'membership', matchesAny: hasAuthor },
  primary_author: { kind: 'text', column: primaryAuthorSlug },
  'primary_author.slug': { kind: 'text', column: primaryAuthorSlug },
};

const POST_ORDER = {
  published_at: articles.publishedAt,
  updated_at: sql`coalesce(${articles.modifiedAt}, ${articles.publishedAt})`,
  created_at: articles.createdAt,
  title: revisions.title,
  slug: revisions.slug,
};

export function browseContentPosts(query: ContentQuery): { posts: Record<string, unknown>[]; meta: { pagination: Pagination } } {
  const db = getDb();
  const where = and(isReadableArticle(new Date()), query.filter ? filterToSql(query.filter, POST_FIELDS) : undefined);
  const total =
    db
      .select({ total: sql<number>`count(*)` })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
      .where(where)
      .get()?.total ?? 0;
  const rows = orderedPage({
    select: db
      .select(POST_COLUMNS)
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
      .where(where)
      .$dynamic(),
    query,
    columns: POST_ORDER,
    fallback: [{ field: 'published_at', direction: 'desc' }],
    tiebreaker: desc(articles.id),
  }).all();
  return { posts: serialize(rows, query), meta: { pagination: paginationFor(query, total) } };
}

export function readContentPost(query: ContentQuery, lookup: ContentLookup): { posts: Record<string, unknown>[] } {
  const match = contentLookupCondition({ lookup, kind: 'post', idColumn: articles.id, slugColumn: revisions.slug });
  const row = getDb()
    .select(POST_COLUMNS)
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .where(and(match, isReadableArticle(new Date())))
    .get();
  if (!row) throw new ContentApiError('NotFoundError', 'Post not found.');
  return { posts: serialize([row], query) };
}

function serialize(rows: PostRow[], query: ContentQuery): Record<string, unknown>[] {
  const { siteUrl } = getConfig();
  const wants = (field: string) => !query.fields || query.fields.includes(field);
  const images = featuredImages(rows);
  const authors = query.include.has('authors') ? postAuthorsFor(rows.map((row) => row.id)) : null;
  const tags = query.include.has('tags')
    ? postTagsFor(
        rows.map((row) => ({
          id: row.id,
          section: row.sectionId !== null ? { type: 'section' as const, id: row.sectionId, name: row.sectionName ?? '', slug: row.sectionSlug ?? '', description: row.sectionDescription ?? '', facts: {} } : null,
        })),
      )
    : null;
  return rows.flatMap((stored) => {
    if (!stored.publishedAt) return [];
    // Only a members key reads a gated article whole; any other key gets its public part.
    const isGated = stored.publishedAccess !== 'public';
    const isShut = isGated && !query.readsMembersContent;
    const row = isShut ? withPublicPartOnly(stored) : stored;
    const image = row.meta.featuredMediaId ? images.get(row.meta.featuredMediaId) : undefined;
    const post: ContentPost = {
      id: toContentId('post', row.id),
      uuid: contentUuid('post', row.id),
      title: row.title,
      slug: row.slug,
      comment_id: toContentId('post', row.id),
      feature_image: image ? `${siteUrl}${image.url}` : null,
      feature_image_alt: image?.alt || null,
      feature_image_caption: image?.caption || null,
      featured: false,
      visibility: isGated ? 'members' : 'public',
      created_at: ghostTime(row.createdAt),
      updated_at: ghostTime(stored.modifiedAt ?? stored.publishedAt),
      published_at: ghostTime(stored.publishedAt),
      custom_excerpt: row.dek || null,
      codeinjection_head: null,
      codeinjection_foot: null,
      custom_template: null,
      canonical_url: null,
      url: `${siteUrl}/articles/${row.slug}`,
      excerpt: row.dek || makeExcerpt(row.bodyText, EXCERPT_LENGTH),
      reading_time: readingTime(row.wordCount),
      access: !isShut,
      comments: false,
      og_image: null,
      og_title: null,
      og_description: null,
      twitter_image: null,
      twitter_title: null,
      twitter_description: null,
      meta_title: row.meta.seoTitle || null,
      meta_description: row.meta.seoDescription || null,
      email_subject: null,
      frontmatter: null,
    };
    // Rendering is the costly part: only when the html is wanted.
    if (query.formats.has('html') && wants('html')) {
      post.html = withAbsoluteUrls(renderArticleHtml(withPublicMediaAddresses(row.body), { entityHrefs: entityHrefsFor(row.body) }), siteUrl);
    }
    if (query.formats.has('plaintext')) post.plaintext = row.bodyText;
    if (authors) {
      post.authors = (authors.get(row.id) ?? []).map((author) => contentAuthor(author, siteUrl));
      post.primary_author = post.authors[0] ?? null;
    }
    if (tags) {
      post.tags = (tags.get(row.id) ?? []).map((tag) => contentTag(tag, siteUrl));
      post.primary_tag = post.tags[0] ?? null;
    }
    return [pickFields(post, query.fields)];
  });
}

function featuredImages(rows: PostRow[]): Map<number, { url: string; alt: string; caption: string }> {
  const ids = [...new Set(rows.flatMap((row) => (row.meta.featuredMediaId ? [row.meta.featuredMediaId] : [])))];
  if (ids.length === 0) return new Map();
  const found = getDb().select({ id: media.id, originalPath: media.originalPath, alt: media.alt, caption: media.caption }).from(media).where(inArray(media.id, ids)).all();
  return new Map(found.map((row) => [row.id, { url: mediaFileUrl({ id: row.id, storedPath: row.originalPath }), alt: row.alt, caption: row.caption }]));
}

function withPublicPartOnly(row: PostRow): PostRow {
  const body = publicPartOf(row.body);
  return { ...row, body, bodyText: docToPlainText(body) };
}
