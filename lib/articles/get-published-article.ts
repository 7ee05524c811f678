import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, articles, entities, issues, revisions, sections, type EntityKind } from '@/db/schema';
import { makeExcerpt } from '@/lib/content/derive-article-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { entityHrefsFor } from '@/lib/entities/entity-hrefs-for';
import { bylinesFor, type Byline } from './article-bylines';

export type PublishedArticle = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  excerpt: string;
  html: string;
  wordCount: number;
  publishedAt: Date;
  firstPublishedAt: Date;
  updatedAt: Date;
  section: { name: string; slug: string } | null;
  issue: { title: string; slug: string } | null;
  authors: Byline[];
  entities: { kind: EntityKind; name: string; slug: string; wikidataId: string | null }[];
};

const EXCERPT_LENGTH = 240;

/** The public view of an article: its published snapshot, never the working copy. */
export function getPublishedArticle(slug: string): PublishedArticle | null {
  const db = getDb();
  const row = db
    .select({
      id: articles.id,
      slug: revisions.slug,
      title: revisions.title,
      dek: revisions.dek,
      body: revisions.body,
      wordCount: revisions.wordCount,
      revisionCreatedAt: revisions.createdAt,
      bodyText: revisions.bodyText,
      publishedAt: articles.publishedAt,
      firstPublishedAt: articles.firstPublishedAt,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      issueTitle: issues.title,
      issueSlug: issues.slug,
      issueStatus: issues.status,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .where(and(eq(revisions.slug, slug), eq(articles.status, 'published')))
    .get();
  if (!row || !row.publishedAt) return null;
  const tagged = db
    .select({ kind: entities.kind, name: entities.name, slug: entities.slug, wikidataId: entities.wikidataId })
    .from(articleEntities)
    .innerJoin(entities, eq(entities.id, articleEntities.entityId))
    .where(eq(articleEntities.articleId, row.id))
    .orderBy(asc(entities.kind), asc(entities.name))
    .all();
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    // `articles.excerpt` follows the working copy, which may hold unpublished edits.
    excerpt: makeExcerpt(row.bodyText, EXCERPT_LENGTH),
    html: renderArticleHtml(row.body, { entityHrefs: entityHrefsFor(row.body) }),
    wordCount: row.wordCount,
    publishedAt: row.publishedAt,
    firstPublishedAt: row.firstPublishedAt ?? row.publishedAt,
    updatedAt: row.revisionCreatedAt,
    section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
    issue:
      row.issueTitle && row.issueSlug && row.issueStatus === 'published'
        ? { title: row.issueTitle, slug: row.issueSlug }
        : null,
    authors: bylinesFor([row.id]).get(row.id) ?? [],
    entities: tagged,
  };
}
