import 'server-only';
import { and, asc, eq, exists, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, contributors, publishedArticleAuthors } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { ContentApiError } from './content-api-error';
import { fromContentId, toContentId } from './content-ids';
import { checkedOrder, paginationFor, pickFields, type ContentQuery, type Pagination } from './content-query';
import { filterToSql, type FilterFields } from './filter-to-sql';
import { isReadableArticle } from './public-article-condition';

export type ContentAuthor = {
  id: string;
  name: string;
  slug: string;
  profile_image: null;
  cover_image: null;
  bio: string | null;
  website: null;
  location: string | null;
  facebook: null;
  twitter: null;
  meta_title: null;
  meta_description: null;
  /** null for a guest still waiting for an editor: named in bylines, but with no author page yet. */
  url: string | null;
  count?: { posts: number };
};

export type AuthorSource = { id: number; name: string; slug: string; bio: string; affiliation: string; hasPage: boolean };

export function contentAuthor(source: AuthorSource, siteUrl: string): ContentAuthor {
  return {
    id: toContentId('author', source.id),
    name: source.name,
    slug: source.slug,
    profile_image: null,
    cover_image: null,
    bio: source.bio || null,
    website: null,
    location: source.affiliation || null,
    facebook: null,
    twitter: null,
    meta_title: null,
    meta_description: null,
    url: source.hasPage ? `${siteUrl}/authors/${source.slug}` : null,
  };
}

const AUTHOR_COLUMNS = { id: contributors.id, name: contributors.name, slug: contributors.slug, bio: contributors.bio, affiliation: contributors.affiliation };

const AUTHOR_FIELDS: FilterFields = {
  id: { kind: 'id', column: contributors.id, idKind: 'author' },
  slug: { kind: 'text', column: contributors.slug },
  name: { kind: 'text', column: contributors.name },
};

const AUTHOR_ORDER = { name: contributors.name, slug: contributors.slug };

/** Contributors with a page and at least one piece a reader can read: who the reader site lists as authors. */
function hasPublishedWork(now: Date) {
  const db = getDb();
  return and(
    eq(contributors.reviewStatus, 'approved'),
    exists(
      db
        .select({ one: sql`1` })
        .from(publishedArticleAuthors)
        .innerJoin(articles, eq(articles.id, publishedArticleAuthors.articleId))
        .where(and(eq(publishedArticleAuthors.contributorId, contributors.id), isReadableArticle(now))),
    ),
  )!;
}

export function browseContentAuthors(query: ContentQuery): { authors: Record<string, unknown>[]; meta: { pagination: Pagination } } {
  const db = getDb();
  const where = and(hasPublishedWork(new Date()), query.filter ? filterToSql(query.filter, AUTHOR_FIELDS) : undefined);
  const total = db.select({ total: sql<number>`count(*)` }).from(contributors).where(where).get()?.total ?? 0;
  const order = checkedOrder(query.order, AUTHOR_ORDER, [{ field: 'name', direction: 'asc' }]);
  const rows = db
    .select(AUTHOR_COLUMNS)
    .from(contributors)
    .where(where)
    .orderBy(...order.map(({ column, direction }) => (direction === 'asc' ? asc(column) : sql`${column} desc`)), asc(contributors.id))
    .limit(query.limit)
    .offset((query.page - 1) * query.limit)
    .all();
  return { authors: serialize(rows, query), meta: { pagination: paginationFor(query, total) } };
}

export function readContentAuthor(query: ContentQuery, lookup: { id: string } | { slug: string }): { authors: Record<string, unknown>[] } {
  const id = 'id' in lookup ? fromContentId('author', lookup.id) : null;
  const match = 'id' in lookup ? (id === null ? sql`0` : eq(contributors.id, id)) : eq(contributors.slug, lookup.slug);
  const row = getDb().select(AUTHOR_COLUMNS).from(contributors).where(and(match, hasPublishedWork(new Date()))).get();
  if (!row) throw new ContentApiError('NotFoundError', 'Author not found.');
  return { authors: serialize([row], query) };
}

/** The published byline of many posts, in byline order. */
export function postAuthorsFor(articleIds: number[]): Map<number, AuthorSource[]> {
  const result = new Map<number, AuthorSource[]>(articleIds.map((id) => [id, []]));
  if (articleIds.length === 0) return result;
  const rows = getDb()
    .select({ articleId: publishedArticleAuthors.articleId, ...AUTHOR_COLUMNS, reviewStatus: contributors.reviewStatus })
    .from(publishedArticleAuthors)
    .innerJoin(contributors, eq(contributors.id, publishedArticleAuthors.contributorId))
    .where(inArray(publishedArticleAuthors.articleId, articleIds))
    .orderBy(asc(publishedArticleAuthors.articleId), asc(publishedArticleAuthors.position))
    .all();
  for (const { articleId, reviewStatus, ...author } of rows) result.get(articleId)?.push({ ...author, hasPage: reviewStatus === 'approved' });
  return result;
}

function serialize(rows: Omit<AuthorSource, 'hasPage'>[], query: ContentQuery): Record<string, unknown>[] {
  const { siteUrl } = getConfig();
  const counts = query.include.has('count.posts') ? postCounts(rows.map((row) => row.id)) : null;
  return rows.map((row) => {
    const author = contentAuthor({ ...row, hasPage: true }, siteUrl);
    if (counts) author.count = { posts: counts.get(row.id) ?? 0 };
    return pickFields(author, query.fields);
  });
}

function postCounts(contributorIds: number[]): Map<number, number> {
  if (contributorIds.length === 0) return new Map();
  const rows = getDb()
    .select({ id: publishedArticleAuthors.contributorId, posts: sql<number>`count(*)` })
    .from(publishedArticleAuthors)
    .innerJoin(articles, eq(articles.id, publishedArticleAuthors.articleId))
    .where(and(inArray(publishedArticleAuthors.contributorId, contributorIds), isReadableArticle(new Date())))
    .groupBy(publishedArticleAuthors.contributorId)
    .all();
  return new Map(rows.map((row) => [row.id, row.posts]));
}
