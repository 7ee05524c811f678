import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articles, contributors, issues, publishedArticleAuthors, revisions, sections } from '@/db/schema';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { getConfig } from '@/lib/platform/config/get-config';

/**
 * What a receiver gets, shaped as Ghost's webhooks are (`{ post: { current, previous } }`), so tools
 * written for Ghost read it as they are. Built when the event happens: a later edit does not change
 * what was sent for this one.
 */
export function articlePayload(articleId: number, previous: Record<string, unknown> = {}): { post: { current: Record<string, unknown>; previous: Record<string, unknown> } } | null {
  const db = getDb();
  const article = db.select().from(articles).where(eq(articles.id, articleId)).get();
  if (!article) return null;
  const revision = article.publishedRevisionId ? db.select().from(revisions).where(eq(revisions.id, article.publishedRevisionId)).get() : undefined;
  const text = revision ?? article;
  const byline = publishedByline(articleId);
  const section = article.publishedSectionId ?? article.sectionId;
  const primaryTag = section ? db.select({ id: sections.id, name: sections.name, slug: sections.slug }).from(sections).where(eq(sections.id, section)).get() : undefined;
  const { siteUrl } = getConfig();
  return {
    post: {
      current: {
        id: article.id,
        title: text.title,
        slug: text.slug,
        url: `${siteUrl}/articles/${text.slug}`,
        excerpt: text.dek,
        custom_excerpt: text.dek,
        html: htmlOf(text.body),
        status: article.status,
        published_at: article.publishedAt?.toISOString() ?? null,
        updated_at: (article.modifiedAt ?? article.publishedAt)?.toISOString() ?? null,
        created_at: article.createdAt.toISOString(),
        authors: byline.map((author) => ({ id: author.id, name: author.name, slug: author.slug, url: `${siteUrl}/authors/${author.slug}` })),
        primary_author: byline[0] ? { id: byline[0].id, name: byline[0].name, slug: byline[0].slug } : null,
        primary_tag: primaryTag ? { id: primaryTag.id, name: primaryTag.name, slug: primaryTag.slug } : null,
      },
      previous,
    },
  };
}

/** The byline readers saw; after an unpublication (which clears it) the working byline. */
function publishedByline(articleId: number): { id: number; name: string; slug: string }[] {
  const db = getDb();
  const columns = { id: contributors.id, name: contributors.name, slug: contributors.slug };
  const published = db
    .select(columns)
    .from(publishedArticleAuthors)
    .innerJoin(contributors, eq(contributors.id, publishedArticleAuthors.contributorId))
    .where(eq(publishedArticleAuthors.articleId, articleId))
    .orderBy(asc(publishedArticleAuthors.position))
    .all();
  if (published.length > 0) return published;
  return db.select(columns).from(articleAuthors).innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId)).where(eq(articleAuthors.articleId, articleId)).orderBy(asc(articleAuthors.position)).all();
}

function htmlOf(body: Parameters<typeof renderArticleHtml>[0]): string | null {
  try {
    return renderArticleHtml(body);
  } catch (error) {
    console.error('Rendering an article for a webhook failed; it is sent without its HTML:', error);
    return null;
  }
}

export function issuePayload(issueId: number): { issue: { current: Record<string, unknown>; previous: Record<string, unknown> } } | null {
  const db = getDb();
  const issue = db.select().from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) return null;
  const { siteUrl } = getConfig();
  const posts = db
    .select({ id: articles.id, title: revisions.title, slug: revisions.slug })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(eq(articles.publishedIssueId, issueId))
    .orderBy(asc(articles.issuePosition), asc(articles.id))
    .all();
  return {
    issue: {
      current: {
        id: issue.id,
        title: issue.title,
        slug: issue.slug,
        volume: issue.volume,
        number: issue.number,
        cover_date: issue.coverDate,
        url: `${siteUrl}/issues/${issue.slug}`,
        published_at: issue.publishedAt?.toISOString() ?? null,
        posts: posts.map((post) => ({ ...post, url: `${siteUrl}/articles/${post.slug}` })),
      },
      previous: {},
    },
  };
}
