import 'server-only';
import { and, desc, eq, max, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, contributors, entities, issues, publishedArticleAuthors, publishedArticleEntities, revisions, sections } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { entityPath } from '@/lib/entities/entity-path';
import { isApprovedEntity } from '@/lib/entities/is-approved-entity';
import { listPublishedPagePaths } from '@/lib/site/pages/list-published-page-paths';

export type SitemapEntry = { path: string; lastModified?: Date };

/** The sitemap protocol's limit for one file; past it the newest articles are kept. */
export const SITEMAP_LIMIT = 50_000;

/**
 * Every public address worth crawling, with when it last changed: published articles (their published
 * slug; `modifiedAt`), published issues, sections, and the entities and authors that have at least one
 * public article, and published standalone pages. Drafts, embargoed, scheduled and withdrawn articles, planned issues, staff without a
 * public byline and everything under the desk or preview links are never listed.
 */
export function listSitemapEntries(): SitemapEntry[] {
  const db = getDb();
  const newest = max(articles.modifiedAt);
  const publicArticles = db
    .select({ slug: revisions.slug, modifiedAt: articles.modifiedAt, publishedAt: articles.publishedAt })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(isPublicArticle())
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(SITEMAP_LIMIT)
    .all();
  const publishedIssues = db
    .select({ slug: issues.slug, publishedAt: issues.publishedAt, updatedAt: issues.updatedAt, newest: sql<number | null>`(
      select max(${articles.modifiedAt}) from ${articles} where ${articles.publishedIssueId} = ${issues.id} and ${isPublicArticle()})` })
    .from(issues)
    .where(eq(issues.status, 'published'))
    .orderBy(desc(issues.coverDate))
    .all();
  const allSections = db
    .select({ slug: sections.slug, newest: sql<number | null>`(
      select max(${articles.modifiedAt}) from ${articles} where ${articles.publishedSectionId} = ${sections.id} and ${isPublicArticle()})` })
    .from(sections)
    .all();
  const taggedEntities = db
    .select({ kind: entities.kind, slug: entities.slug, updatedAt: entities.updatedAt, newest })
    .from(publishedArticleEntities)
    .innerJoin(articles, eq(articles.id, publishedArticleEntities.articleId))
    .innerJoin(entities, and(eq(entities.id, publishedArticleEntities.entityId), isApprovedEntity()))
    .where(isPublicArticle())
    .groupBy(entities.id)
    .all();
  const bylinedAuthors = db
    .select({ slug: contributors.slug, newest })
    .from(publishedArticleAuthors)
    .innerJoin(articles, eq(articles.id, publishedArticleAuthors.articleId))
    .innerJoin(contributors, and(eq(contributors.id, publishedArticleAuthors.contributorId), eq(contributors.reviewStatus, 'approved')))
    .where(isPublicArticle())
    .groupBy(contributors.id)
    .all();
  const latest = publicArticles.reduce<Date | undefined>((found, article) => later(found, article.modifiedAt ?? article.publishedAt), undefined);

  return [
    { path: '/', lastModified: latest },
    { path: '/issues', lastModified: latest },
    ...publishedIssues.map((issue) => ({ path: `/issues/${issue.slug}`, lastModified: later(later(issue.publishedAt ?? undefined, issue.updatedAt), fromMs(issue.newest)) })),
    ...allSections.map((section) => ({ path: `/sections/${section.slug}`, lastModified: fromMs(section.newest) })),
    ...taggedEntities.map((entity) => ({ path: entityPath(entity), lastModified: later(entity.updatedAt, entity.newest ?? undefined) })),
    ...bylinedAuthors.map((author) => ({ path: `/authors/${author.slug}`, lastModified: author.newest ?? undefined })),
    ...publicArticles.map((article) => ({ path: `/articles/${article.slug}`, lastModified: article.modifiedAt ?? article.publishedAt ?? undefined })),
    ...listPublishedPagePaths(),
  ].slice(0, SITEMAP_LIMIT);
}

function later(left: Date | undefined, right: Date | null | undefined): Date | undefined {
  if (!right) return left;
  if (!left) return right;
  return left > right ? left : right;
}

function fromMs(value: number | null): Date | undefined {
  return value === null ? undefined : new Date(value);
}
