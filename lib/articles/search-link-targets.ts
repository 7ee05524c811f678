import 'server-only';
import { desc, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues } from '@/db/schema';
import { containsText } from '@/db/sql/contains-text';

export type LinkTarget = { kind: 'article' | 'issue'; title: string; href: string; detail: string };

/** Our own articles and issues whose title (or slug) contains the query, for cross-reference links. */
export function searchLinkTargets({ query, limit = 12 }: { query: string; limit?: number }): LinkTarget[] {
  const text = query.trim();
  if (text.length < 2) return [];
  const db = getDb();
  const matchingIssues = db
    .select({ title: issues.title, slug: issues.slug, volume: issues.volume, number: issues.number })
    .from(issues)
    .where(or(containsText(issues.title, text), containsText(issues.slug, text)))
    .orderBy(desc(issues.coverDate))
    .limit(limit)
    .all()
    .map((issue) => ({ kind: 'issue' as const, title: issue.title, href: `/issues/${issue.slug}`, detail: `Volume ${issue.volume}, Number ${issue.number}` }));
  const matchingArticles = db
    .select({ title: articles.title, slug: articles.slug, status: articles.status })
    .from(articles)
    .where(or(containsText(articles.title, text), containsText(articles.slug, text)))
    .orderBy(desc(articles.updatedAt))
    .limit(limit)
    .all()
    .map((article) => ({
      kind: 'article' as const,
      title: article.title,
      href: `/articles/${article.slug}`,
      detail: article.status === 'published' ? 'Published article' : 'Not yet published',
    }));
  return [...matchingIssues, ...matchingArticles].slice(0, limit);
}
