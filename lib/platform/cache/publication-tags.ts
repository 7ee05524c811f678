import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articleEntities, articles, articleSlugHistory, publishedArticleAuthors, publishedArticleEntities, revisions } from '@/db/schema';
import { cacheTags } from './cache-tags';

export type PublicationTargets = {
  articleIds?: readonly number[];
  issueIds?: readonly number[];
  entityIds?: readonly number[];
};

/**
 * Every cache tag a change to these articles, issues and entities can make stale: each article by id
 * and by every slug it has answered to, and the issue, section, authors and entities it is filed under,
 * both in its published snapshot and in its working copy (which is what a publication is about to make
 * public). Read it before a change and again after, and expire both: an unpublish or a retag removes
 * rows that only the "before" read still sees.
 */
export function publicationTags({ articleIds = [], issueIds = [], entityIds = [] }: PublicationTargets): string[] {
  const tags = new Set<string>();
  if (articleIds.length > 0 || issueIds.length > 0) {
    tags.add(cacheTags.home);
    tags.add(cacheTags.latestArticles);
  }
  if (issueIds.length > 0) tags.add(cacheTags.issueList);
  for (const id of issueIds) tags.add(cacheTags.issue(id));
  for (const id of entityIds) tags.add(cacheTags.entity(id));
  if (articleIds.length === 0) return [...tags];

  const ids = [...new Set(articleIds)];
  const db = getDb();
  const rows = db
    .select({
      id: articles.id,
      slug: articles.slug,
      issueId: articles.issueId,
      sectionId: articles.sectionId,
      publishedIssueId: articles.publishedIssueId,
      publishedSectionId: articles.publishedSectionId,
      publishedSlug: revisions.slug,
    })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(inArray(articles.id, ids))
    .all();
  for (const row of rows) {
    tags.add(cacheTags.article(row.id));
    tags.add(cacheTags.articleSlug(row.slug));
    if (row.publishedSlug) tags.add(cacheTags.articleSlug(row.publishedSlug));
    for (const issueId of [row.issueId, row.publishedIssueId]) if (issueId !== null) tags.add(cacheTags.issue(issueId));
    for (const sectionId of [row.sectionId, row.publishedSectionId]) if (sectionId !== null) tags.add(cacheTags.section(sectionId));
  }
  for (const row of db.select({ slug: articleSlugHistory.slug }).from(articleSlugHistory).where(inArray(articleSlugHistory.articleId, ids)).all()) {
    tags.add(cacheTags.articleSlug(row.slug));
  }
  const entityRows = [
    ...db.select({ entityId: publishedArticleEntities.entityId }).from(publishedArticleEntities).where(inArray(publishedArticleEntities.articleId, ids)).all(),
    ...db.select({ entityId: articleEntities.entityId }).from(articleEntities).where(inArray(articleEntities.articleId, ids)).all(),
  ];
  for (const row of entityRows) tags.add(cacheTags.entity(row.entityId));
  const authorRows = [
    ...db.select({ contributorId: publishedArticleAuthors.contributorId }).from(publishedArticleAuthors).where(inArray(publishedArticleAuthors.articleId, ids)).all(),
    ...db.select({ contributorId: articleAuthors.contributorId }).from(articleAuthors).where(inArray(articleAuthors.articleId, ids)).all(),
  ];
  for (const row of authorRows) tags.add(cacheTags.author(row.contributorId));
  return [...tags];
}
