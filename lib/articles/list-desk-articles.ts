import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues, type ArticleStatus } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { POLICY } from '@/lib/staff/auth/policy';
import { articlesVisibleTo } from './articles-visible-to';
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
  const where = articlesVisibleTo(actor);
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
