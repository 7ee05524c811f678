import 'server-only';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pages } from '@/db/schema';
import { deriveArticleText, makeExcerpt } from '@/lib/content/derive-article-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { withPublicMediaAddresses } from '@/lib/media/with-public-media-addresses';
import { getConfig } from '@/lib/platform/config/get-config';
import { withAbsoluteUrls } from './absolute-urls';
import { ContentApiError } from './content-api-error';
import { contentUuid, toContentId } from './content-ids';
import { contentLookupCondition, type ContentLookup } from './content-lookup-condition';
import { ghostTime, readingTime, type ContentPost } from './content-post-shape';
import { paginationFor, pickFields, type ContentQuery, type Pagination } from './content-query';
import { filterToSql, type FilterFields } from './filter-to-sql';
import { orderedPage } from './ordered-page';

const EXCERPT_LENGTH = 500;

/** Standalone pages as readers see them: published, from the published title and body, never the working copy. */
const isReadablePage = () => and(eq(pages.status, 'published'), isNotNull(pages.publishedTitle), isNotNull(pages.publishedBody), isNotNull(pages.publishedAt))!;

const PAGE_COLUMNS = {
  id: pages.id,
  slug: pages.slug,
  title: pages.publishedTitle,
  body: pages.publishedBody,
  seoDescription: pages.seoDescription,
  createdAt: pages.createdAt,
  publishedAt: pages.publishedAt,
};

type PageRow = { id: number; slug: string; title: string | null; body: unknown; seoDescription: string; createdAt: Date; publishedAt: Date | null };

const PAGE_FIELDS: FilterFields = {
  id: { kind: 'id', column: pages.id, idKind: 'page' },
  slug: { kind: 'text', column: pages.slug },
  title: { kind: 'text', column: pages.publishedTitle },
  published_at: { kind: 'date', column: pages.publishedAt },
  featured: { kind: 'boolean', condition: sql`0` },
  visibility: { kind: 'constant', value: 'public' },
  status: { kind: 'constant', value: 'published' },
};

const PAGE_ORDER = { published_at: pages.publishedAt, title: pages.publishedTitle, slug: pages.slug };

export function browseContentPages(query: ContentQuery): { pages: Record<string, unknown>[]; meta: { pagination: Pagination } } {
  const db = getDb();
  const where = and(isReadablePage(), query.filter ? filterToSql(query.filter, PAGE_FIELDS) : undefined);
  const total = db.select({ total: sql<number>`count(*)` }).from(pages).where(where).get()?.total ?? 0;
  const rows = orderedPage({
    select: db.select(PAGE_COLUMNS).from(pages).where(where).$dynamic(),
    query,
    columns: PAGE_ORDER,
    fallback: [{ field: 'title', direction: 'asc' }],
    tiebreaker: asc(pages.id),
  }).all();
  return { pages: serialize(rows, query), meta: { pagination: paginationFor(query, total) } };
}

export function readContentPage(query: ContentQuery, lookup: ContentLookup): { pages: Record<string, unknown>[] } {
  const match = contentLookupCondition({ lookup, kind: 'page', idColumn: pages.id, slugColumn: pages.slug });
  const row = getDb().select(PAGE_COLUMNS).from(pages).where(and(match, isReadablePage())).get();
  if (!row) throw new ContentApiError('NotFoundError', 'Page not found.');
  return { pages: serialize([row], query) };
}

function serialize(rows: PageRow[], query: ContentQuery): Record<string, unknown>[] {
  const { siteUrl } = getConfig();
  return rows.flatMap((row) => {
    if (!row.publishedAt || !row.title || !row.body) return [];
    const body = row.body as Parameters<typeof renderArticleHtml>[0];
    const text = deriveArticleText(body);
    const page: ContentPost = {
      id: toContentId('page', row.id),
      uuid: contentUuid('page', row.id),
      title: row.title,
      slug: row.slug,
      comment_id: toContentId('page', row.id),
      feature_image: null,
      feature_image_alt: null,
      feature_image_caption: null,
      featured: false,
      visibility: 'public',
      created_at: ghostTime(row.createdAt),
      updated_at: ghostTime(row.publishedAt),
      published_at: ghostTime(row.publishedAt),
      custom_excerpt: row.seoDescription || null,
      codeinjection_head: null,
      codeinjection_foot: null,
      custom_template: null,
      canonical_url: null,
      url: `${siteUrl}/${row.slug}`,
      excerpt: row.seoDescription || makeExcerpt(text.text, EXCERPT_LENGTH),
      reading_time: readingTime(text.wordCount),
      access: true,
      comments: false,
      og_image: null,
      og_title: null,
      og_description: null,
      twitter_image: null,
      twitter_title: null,
      twitter_description: null,
      meta_title: null,
      meta_description: row.seoDescription || null,
      email_subject: null,
      frontmatter: null,
    };
    if (query.formats.has('html') && (!query.fields || query.fields.includes('html'))) {
      page.html = withAbsoluteUrls(renderArticleHtml(withPublicMediaAddresses(body)), siteUrl);
    }
    if (query.formats.has('plaintext')) page.plaintext = text.text;
    // Pages have no byline or tags in Masthead.
    if (query.include.has('authors')) Object.assign(page, { authors: [], primary_author: null });
    if (query.include.has('tags')) Object.assign(page, { tags: [], primary_tag: null });
    return [pickFields(page, query.fields)];
  });
}
