import 'server-only';
import { desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articles, contributors, issues, type ArticleStatus } from '@/db/schema';
import type { StaffIdentity } from '@/lib/auth/authenticate-staff';
import { POLICY } from '@/lib/auth/policy';
import { bylinesFor, type Byline } from './article-bylines';

export type DeskArticleRow = {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  issue: { title: string; slug: string } | null;
  authors: Byline[];
  updatedAt: Date;
};

/** The desk's article list: everything for editors, one's own articles for authors. */
export function listDeskArticles({ actor, limit = 200 }: { actor: StaffIdentity; limit?: number }): DeskArticleRow[] {
  const db = getDb();
  const scope = POLICY['article.view'][actor.role];
  if (scope === 'none') return [];
  let where: SQL | undefined;
  if (scope === 'own') {
    const ownIds = db
      .select({ id: articleAuthors.articleId })
      .from(articleAuthors)
      .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
      .where(eq(contributors.userId, actor.id));
    where = or(eq(articles.createdBy, actor.id), inArray(articles.id, ownIds));
  }
  const rows = db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
      updatedAt: articles.updatedAt,
      issueTitle: issues.title,
      issueSlug: issues.slug,
    })
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.issueId))
    .where(where)
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(limit)
    .all();
  const bylines = bylinesFor(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    slug: row.slug,
    status: row.status,
    issue: row.issueTitle && row.issueSlug ? { title: row.issueTitle, slug: row.issueSlug } : null,
    authors: bylines.get(row.id) ?? [],
    updatedAt: row.updatedAt,
  }));
}
