import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, entities, publishedArticleEntities, sections, type EntityFacts, type EntityKind } from '@/db/schema';
import { entityPath } from '@/lib/entities/entity-path';
import { getConfig } from '@/lib/platform/config/get-config';
import { ContentApiError } from './content-api-error';
import { fromContentId, toContentId } from './content-ids';
import { checkedOrder, paginationFor, pickFields, type ContentQuery, type Pagination } from './content-query';
import { filterToSql, type FilterFields } from './filter-to-sql';
import { isReadableArticle } from './public-article-condition';

/** Sections and entities both appear as Ghost tags; `masthead_type` says which, `masthead_facts` carries an entity's facts. */
export type ContentTag = {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  feature_image: null;
  visibility: 'public';
  og_image: null;
  og_title: null;
  og_description: null;
  twitter_image: null;
  twitter_title: null;
  twitter_description: null;
  meta_title: null;
  meta_description: string | null;
  codeinjection_head: null;
  codeinjection_foot: null;
  canonical_url: null;
  accent_color: null;
  url: string;
  masthead_type: 'section' | EntityKind;
  masthead_facts: EntityFacts;
  count?: { posts: number };
};

export type TagSource = { type: 'section' | EntityKind; id: number; name: string; slug: string; description: string; facts: EntityFacts };

export function contentTag(source: TagSource, siteUrl: string): ContentTag {
  const path = source.type === 'section' ? `/sections/${source.slug}` : entityPath({ kind: source.type, slug: source.slug });
  return {
    id: toContentId(source.type === 'section' ? 'section' : 'entity', source.id),
    name: source.name,
    slug: source.slug,
    description: source.description || null,
    feature_image: null,
    visibility: 'public',
    og_image: null,
    og_title: null,
    og_description: null,
    twitter_image: null,
    twitter_title: null,
    twitter_description: null,
    meta_title: null,
    meta_description: source.description || null,
    codeinjection_head: null,
    codeinjection_foot: null,
    canonical_url: null,
    accent_color: null,
    url: `${siteUrl}${path}`,
    masthead_type: source.type,
    masthead_facts: source.facts,
  };
}

/** Every section and approved entity, as one list to filter, order and page through. */
const ALL_TAGS = sql`(select 'section' as type, ${sections.id} as id, ${sections.name} as name, ${sections.slug} as slug, ${sections.description} as description, '{}' as facts, 0 as kind_order from ${sections}
  union all
  select ${entities.kind}, ${entities.id}, ${entities.name}, ${entities.slug}, ${entities.description}, ${entities.facts}, 1 from ${entities} where ${entities.status} = 'approved')`;

const TAG_FIELDS: FilterFields = {
  slug: { kind: 'text', column: sql`t.slug` },
  name: { kind: 'text', column: sql`t.name` },
  masthead_type: { kind: 'text', column: sql`t.type` },
  visibility: { kind: 'constant', value: 'public' },
  id: { kind: 'membership', matchesAny: (ids) => hasTagId(ids) },
};

const TAG_ORDER = { name: sql`t.name`, slug: sql`t.slug`, masthead_type: sql`t.kind_order` };

type TagRow = { type: 'section' | EntityKind; id: number; name: string; slug: string; description: string; facts: string };

export function browseContentTags(query: ContentQuery): { tags: Record<string, unknown>[]; meta: { pagination: Pagination } } {
  const db = getDb();
  const where = query.filter ? filterToSql(query.filter, TAG_FIELDS) : sql`1`;
  const total = db.get<{ total: number }>(sql`select count(*) as total from ${ALL_TAGS} as t where ${where}`)?.total ?? 0;
  const order = checkedOrder(query.order, TAG_ORDER, [{ field: 'name', direction: 'asc' }]);
  const orderSql = sql.join([...order.map(({ column, direction }) => sql`${column} ${sql.raw(direction)}`), sql`t.kind_order asc`, sql`t.id asc`], sql`, `);
  const rows = db.all<TagRow>(sql`select * from ${ALL_TAGS} as t where ${where} order by ${orderSql} limit ${query.limit} offset ${(query.page - 1) * query.limit}`);
  return { tags: serialize(rows, query), meta: { pagination: paginationFor(query, total) } };
}

/** One tag by its id or slug; a slug shared by a section and an entity names the section. */
export function readContentTag(query: ContentQuery, lookup: { id: string } | { slug: string }): { tags: Record<string, unknown>[] } {
  const where = 'id' in lookup ? hasTagId([lookup.id]) : sql`t.slug = ${lookup.slug}`;
  const rows = getDb().all<TagRow>(sql`select * from ${ALL_TAGS} as t where ${where} order by t.kind_order asc, t.id asc limit 1`);
  if (rows.length === 0) throw new ContentApiError('NotFoundError', 'Tag not found.');
  return { tags: serialize(rows, query) };
}

/** The tags of many posts (their published section first, then their approved entities), in one query each. */
export function postTagsFor(posts: { id: number; section: TagSource | null }[]): Map<number, TagSource[]> {
  const ids = posts.map((post) => post.id);
  const rows = ids.length
    ? getDb()
        .select({ articleId: publishedArticleEntities.articleId, type: entities.kind, id: entities.id, name: entities.name, slug: entities.slug, description: entities.description, facts: entities.facts })
        .from(publishedArticleEntities)
        .innerJoin(entities, eq(entities.id, publishedArticleEntities.entityId))
        .where(and(inArray(publishedArticleEntities.articleId, ids), eq(entities.status, 'approved')))
        .orderBy(entities.kind, entities.name)
        .all()
    : [];
  const result = new Map<number, TagSource[]>(posts.map((post) => [post.id, post.section ? [post.section] : []]));
  for (const { articleId, ...tag } of rows) result.get(articleId)?.push(tag);
  return result;
}

function serialize(rows: TagRow[], query: ContentQuery): Record<string, unknown>[] {
  const { siteUrl } = getConfig();
  const counts = query.include.has('count.posts') ? postCounts(rows) : null;
  return rows.map((row) => {
    const tag = contentTag({ ...row, facts: JSON.parse(row.facts) as EntityFacts }, siteUrl);
    if (counts) tag.count = { posts: counts.get(`${row.type === 'section' ? 'section' : 'entity'}:${row.id}`) ?? 0 };
    return pickFields(tag, query.fields);
  });
}

function postCounts(rows: TagRow[]): Map<string, number> {
  const db = getDb();
  const now = new Date();
  const sectionIds = rows.filter((row) => row.type === 'section').map((row) => row.id);
  const entityIds = rows.filter((row) => row.type !== 'section').map((row) => row.id);
  const counts = new Map<string, number>();
  if (sectionIds.length) {
    const bySection = db
      .select({ id: articles.publishedSectionId, posts: sql<number>`count(*)` })
      .from(articles)
      .where(and(inArray(articles.publishedSectionId, sectionIds), isReadableArticle(now)))
      .groupBy(articles.publishedSectionId)
      .all();
    for (const row of bySection) counts.set(`section:${row.id}`, row.posts);
  }
  if (entityIds.length) {
    const byEntity = db
      .select({ id: publishedArticleEntities.entityId, posts: sql<number>`count(*)` })
      .from(publishedArticleEntities)
      .innerJoin(articles, eq(articles.id, publishedArticleEntities.articleId))
      .where(and(inArray(publishedArticleEntities.entityId, entityIds), isReadableArticle(now)))
      .groupBy(publishedArticleEntities.entityId)
      .all();
    for (const row of byEntity) counts.set(`entity:${row.id}`, row.posts);
  }
  return counts;
}

function hasTagId(contentIds: string[]): SQL {
  const sectionIds = contentIds.flatMap((id) => fromContentId('section', id) ?? []);
  const entityIds = contentIds.flatMap((id) => fromContentId('entity', id) ?? []);
  return sql`((t.type = 'section' and t.id in ${list(sectionIds)}) or (t.type <> 'section' and t.id in ${list(entityIds)}))`;
}

function list(ids: number[]): SQL {
  return ids.length ? sql`(${sql.join(ids.map((id) => sql`${id}`), sql`, `)})` : sql`(null)`;
}
