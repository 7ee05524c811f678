import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, entities, issues, sections, type Article } from '@/db/schema';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { entityHrefsFor } from '@/lib/entities/entity-hrefs-for';
import { withPublicMediaAddresses } from '@/lib/media/with-public-media-addresses';
import { bylinesFor } from './article-bylines';
import type { ArticlePreview } from './article-preview';

/** An article's working copy (text, byline, tags, section, issue) in the shape the reader's template shows. */
export function workingCopyView(article: Article): ArticlePreview {
  const db = getDb();
  const section = article.sectionId ? db.select({ name: sections.name, slug: sections.slug }).from(sections).where(eq(sections.id, article.sectionId)).get() : undefined;
  const issue = article.issueId ? db.select({ title: issues.title, slug: issues.slug }).from(issues).where(eq(issues.id, article.issueId)).get() : undefined;
  return {
    title: article.title,
    dek: article.dek,
    html: renderArticleHtml(withPublicMediaAddresses(article.body), { entityHrefs: entityHrefsFor(article.body) }),
    authors: bylinesFor([article.id]).get(article.id) ?? [],
    publishedAt: article.publishedAt,
    section: section ?? null,
    issue: issue ?? null,
    entities: db
      .select({ kind: entities.kind, name: entities.name, slug: entities.slug })
      .from(articleEntities)
      .innerJoin(entities, eq(entities.id, articleEntities.entityId))
      .where(eq(articleEntities.articleId, article.id))
      .orderBy(asc(entities.kind), asc(entities.name))
      .all(),
  };
}
