import 'server-only';
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articleEntities, articles, entities, entityRedirects, issues, pages, publishedArticleAuthors, publishedArticleEntities, revisions } from '@/db/schema';
import { figureMediaIds } from '@/lib/media/figure-media-ids';
import { cacheTags } from './cache-tags';
import { publicationTags } from './publication-tags';
import type { ReaderChange } from './reader-change';

/**
 * Every cache tag a change can make stale. A name shown beside articles (an entity's chip, a section's
 * kicker, a byline, an image's caption) expires each article showing it, and so every list, issue and
 * page those articles appear on. Read it again before a change that takes rows away (see `before`).
 */
export function readerContentTags(change: ReaderChange): string[] {
  const tags = pageTagsOf(change);
  // The Content API serves the same records to other sites: any change that stales a page stales its answers too.
  return tags.length > 0 && change.kind !== 'integration' ? [...tags, cacheTags.contentApi] : tags;
}

function pageTagsOf(change: ReaderChange): string[] {
  switch (change.kind) {
    case 'article':
      return publicationTags({ articleIds: change.articleIds });
    case 'article-page':
      return articlePageTags(change.articleIds);
    case 'issue':
      return publicationTags({ issueIds: change.issueIds, articleIds: articlesFiledIn(change.issueIds) });
    case 'section':
      if (change.sectionIds.length === 0) return [];
      return unique([...change.sectionIds.map(cacheTags.section), ...publicationTags({ articleIds: articlesInSections(change.sectionIds) })]);
    case 'entity':
      return unique([...publicationTags({ entityIds: change.entityIds, articleIds: articlesTaggedWith(change.entityIds) }), ...entityAddressTags(change.entityIds)]);
    case 'contributor':
      if (change.contributorIds.length === 0) return [];
      return unique([...change.contributorIds.map(cacheTags.author), ...publicationTags({ articleIds: articlesBylined(change.contributorIds) })]);
    case 'settings':
      return [cacheTags.site, cacheTags.home, cacheTags.latestArticles, cacheTags.issueList];
    case 'media':
      return publicationTags(showingMedia(change.mediaIds));
    case 'page':
      return pageTags(change.pageIds);
    case 'navigation':
      return [cacheTags.navigation];
    case 'integration':
      return change.integrationIds.map(cacheTags.integration);
  }
}

/**
 * The articles' own pages, by id and by the addresses they answer at (published and working slugs), and
 * the site's newest lists: feeds carry an article's date of change, and the corrections page its notes.
 */
function articlePageTags(articleIds: readonly number[]): string[] {
  if (articleIds.length === 0) return [];
  const rows = getDb()
    .select({ id: articles.id, slug: articles.slug, publishedSlug: revisions.slug })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(inArray(articles.id, [...articleIds]))
    .all();
  return unique([
    cacheTags.latestArticles,
    ...rows.flatMap((row) => [cacheTags.article(row.id), cacheTags.articleSlug(row.slug), ...(row.publishedSlug ? [cacheTags.articleSlug(row.publishedSlug)] : [])]),
  ]);
}

/** Each page by id, and the address it answers at now (a cached "no page" there); a slug it left is cached under its id. */
function pageTags(pageIds: readonly number[]): string[] {
  if (pageIds.length === 0) return [];
  const rows = getDb().select({ slug: pages.slug }).from(pages).where(inArray(pages.id, [...pageIds])).all();
  return unique([...pageIds.map(cacheTags.page), ...rows.map((row) => cacheTags.pageSlug(row.slug))]);
}

/** Every address these entities answer at or redirect from: one a reader found empty, or that redirected, before a rename. */
function entityAddressTags(entityIds: readonly number[]): string[] {
  if (entityIds.length === 0) return [];
  const list = [...entityIds];
  const db = getDb();
  return [
    ...db.select({ kind: entities.kind, slug: entities.slug }).from(entities).where(inArray(entities.id, list)).all(),
    ...db.select({ kind: entityRedirects.kind, slug: entityRedirects.slug }).from(entityRedirects).where(inArray(entityRedirects.entityId, list)).all(),
  ].map((address) => cacheTags.entitySlug(address.kind, address.slug));
}

function unique(tags: string[]): string[] {
  return [...new Set(tags)];
}

function ids(rows: { id: number }[]): number[] {
  return [...new Set(rows.map((row) => row.id))];
}

function articlesFiledIn(issueIds: readonly number[]): number[] {
  if (issueIds.length === 0) return [];
  const list = [...issueIds];
  return ids(getDb().select({ id: articles.id }).from(articles).where(or(inArray(articles.issueId, list), inArray(articles.publishedIssueId, list))).all());
}

function articlesInSections(sectionIds: readonly number[]): number[] {
  const list = [...sectionIds];
  return ids(getDb().select({ id: articles.id }).from(articles).where(or(inArray(articles.sectionId, list), inArray(articles.publishedSectionId, list))).all());
}

function articlesTaggedWith(entityIds: readonly number[]): number[] {
  if (entityIds.length === 0) return [];
  const list = [...entityIds];
  const db = getDb();
  return ids([
    ...db.select({ id: publishedArticleEntities.articleId }).from(publishedArticleEntities).where(inArray(publishedArticleEntities.entityId, list)).all(),
    ...db.select({ id: articleEntities.articleId }).from(articleEntities).where(inArray(articleEntities.entityId, list)).all(),
  ]);
}

function articlesBylined(contributorIds: readonly number[]): number[] {
  const list = [...contributorIds];
  const db = getDb();
  return ids([
    ...db.select({ id: publishedArticleAuthors.articleId }).from(publishedArticleAuthors).where(inArray(publishedArticleAuthors.contributorId, list)).all(),
    ...db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(inArray(articleAuthors.contributorId, list)).all(),
  ]);
}

/** Published articles (featured image or a figure) and issues (cover or a figure in the editor's note) that show one of these images. */
function showingMedia(mediaIds: readonly number[]): { articleIds: number[]; issueIds: number[] } {
  if (mediaIds.length === 0) return { articleIds: [], issueIds: [] };
  const wanted = new Set(mediaIds);
  const shows = (doc: Parameters<typeof figureMediaIds>[0] | null) => doc !== null && [...figureMediaIds(doc)].some((id) => wanted.has(id));
  // A cheap text match narrows the documents to read; reading their figures decides.
  const mentions = [...wanted].map((id) => `%/api/media/${id}%`);
  const db = getDb();
  const featuredId = sql<number | null>`json_extract(${revisions.meta}, '$.featuredMediaId')`;
  const snapshots = db
    .select({ id: articles.id, body: revisions.body, featuredId })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(or(inArray(featuredId, [...wanted]), ...mentions.map((pattern) => sql`${revisions.body} LIKE ${pattern}`)))
    .all();
  const issueRows = db
    .select({ id: issues.id, coverMediaId: issues.coverMediaId, note: issues.editorsNoteBody })
    .from(issues)
    .where(or(inArray(issues.coverMediaId, [...wanted]), and(isNotNull(issues.editorsNoteBody), or(...mentions.map((pattern) => sql`${issues.editorsNoteBody} LIKE ${pattern}`)))))
    .all();
  return {
    articleIds: snapshots.filter((row) => (row.featuredId !== null && wanted.has(row.featuredId)) || shows(row.body)).map((row) => row.id),
    issueIds: issueRows.filter((row) => (row.coverMediaId !== null && wanted.has(row.coverMediaId)) || shows(row.note)).map((row) => row.id),
  };
}
