import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, entities, issues, publishedArticleEntities, revisions, sections, type EntityKind } from '@/db/schema';
import type { ArticleAccessRule } from '@/lib/access/article-access-rule';
import { publishedAccessRule } from '@/lib/access/published-access-rule';
import { makeExcerpt } from '@/lib/content/derive-article-text';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { publicPartOf } from '@/lib/content/public-part';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { entityHrefsFor } from '@/lib/entities/entity-hrefs-for';
import { withPublicMediaAddresses } from '@/lib/media/with-public-media-addresses';
import { publishedBylinesFor, type Byline } from './article-bylines';
import { isPublicArticle } from './is-public-article';
import { listArticleCorrections, type ArticleCorrectionNote } from './list-article-corrections';

export type PublishedArticle = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  excerpt: string;
  /** The whole body: only for readers the access rule lets in. */
  html: string;
  /** The part shown to everyone when the article is gated (before the members' marker, or two paragraphs). */
  publicHtml: string;
  accessRule: ArticleAccessRule;
  wordCount: number;
  publishedAt: Date;
  firstPublishedAt: Date;
  /** When the published snapshot last changed: equal to `publishedAt` until an update or correction. */
  modifiedAt: Date;
  section: { name: string; slug: string } | null;
  issue: { title: string; slug: string } | null;
  authors: Byline[];
  /** `isApproved` is false for an entity still waiting for an editor: named, but not linked. */
  entities: { kind: EntityKind; name: string; slug: string; wikidataId: string | null; isApproved: boolean }[];
  corrections: ArticleCorrectionNote[];
};

const EXCERPT_LENGTH = 240;

/**
 * The public view of an article: its published snapshot (revision, byline, tags, section and
 * issue as they stood when last published), never the working copy.
 */
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
      bodyText: revisions.bodyText,
      publishedAt: articles.publishedAt,
      firstPublishedAt: articles.firstPublishedAt,
      modifiedAt: articles.modifiedAt,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      issueTitle: issues.title,
      issueSlug: issues.slug,
      issueStatus: issues.status,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .leftJoin(issues, eq(issues.id, articles.publishedIssueId))
    .where(and(eq(revisions.slug, slug), isPublicArticle()))
    .get();
  if (!row || !row.publishedAt) return null;
  const accessRule = publishedAccessRule(row.id);
  const publicPart = publicPartOf(row.body);
  const tagged = db
    .select({ kind: entities.kind, name: entities.name, slug: entities.slug, wikidataId: entities.wikidataId, status: entities.status })
    .from(publishedArticleEntities)
    .innerJoin(entities, eq(entities.id, publishedArticleEntities.entityId))
    .where(eq(publishedArticleEntities.articleId, row.id))
    .orderBy(asc(entities.kind), asc(entities.name))
    .all();
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    // `articles.excerpt` follows the working copy, which may hold unpublished edits.
    // A gated article's excerpt (shown when it has no dek) comes from its public part only.
    excerpt: makeExcerpt(accessRule.access === 'public' ? row.bodyText : docToPlainText(publicPart), EXCERPT_LENGTH),
    html: renderArticleHtml(withPublicMediaAddresses(row.body), { entityHrefs: entityHrefsFor(row.body) }),
    publicHtml: accessRule.access === 'public' ? '' : renderArticleHtml(withPublicMediaAddresses(publicPart), { entityHrefs: entityHrefsFor(publicPart) }),
    accessRule,
    wordCount: row.wordCount,
    publishedAt: row.publishedAt,
    firstPublishedAt: row.firstPublishedAt ?? row.publishedAt,
    modifiedAt: row.modifiedAt ?? row.publishedAt,
    section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
    issue:
      row.issueTitle && row.issueSlug && row.issueStatus === 'published'
        ? { title: row.issueTitle, slug: row.issueSlug }
        : null,
    authors: publishedBylinesFor([row.id]).get(row.id) ?? [],
    entities: tagged.map(({ status, ...entity }) => ({ ...entity, isApproved: status === 'approved' })),
    corrections: listArticleCorrections(row.id),
  };
}
