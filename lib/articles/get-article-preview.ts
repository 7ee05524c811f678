import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, entities, issues, sections, type EntityKind } from '@/db/schema';
import type { StaffIdentity } from '@/lib/auth/authenticate-staff';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { entityHrefsFor } from '@/lib/entities/entity-hrefs-for';
import { loadArticleFor } from './article-access';
import { bylinesFor, type Byline } from './article-bylines';

export type ArticlePreview = {
  title: string;
  dek: string;
  html: string;
  authors: Byline[];
  publishedAt: Date | null;
  section: { name: string; slug: string } | null;
  issue: { title: string; slug: string } | null;
  entities: { kind: EntityKind; name: string; slug: string }[];
};

/** The working copy as the reader template will show it once published. */
export function getArticlePreview({ id, actor }: { id: number; actor: StaffIdentity }): ArticlePreview {
  const article = loadArticleFor({ id, actor, action: 'article.view' });
  const db = getDb();
  const section = article.sectionId ? db.select({ name: sections.name, slug: sections.slug }).from(sections).where(eq(sections.id, article.sectionId)).get() : undefined;
  const issue = article.issueId ? db.select({ title: issues.title, slug: issues.slug }).from(issues).where(eq(issues.id, article.issueId)).get() : undefined;
  return {
    title: article.title,
    dek: article.dek,
    html: renderArticleHtml(article.body, { entityHrefs: entityHrefsFor(article.body) }),
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
