import 'server-only';
import { and, desc, eq, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues } from '@/db/schema';
import { containsText } from '@/db/sql/contains-text';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can } from '@/lib/staff/auth/policy';
import { articlesVisibleTo } from './articles-visible-to';
import { isPublicArticle } from './is-public-article';

export type LinkTarget = { kind: 'article' | 'issue'; title: string; href: string; detail: string };

/**
 * Our own articles and issues whose title (or slug) contains the query, for cross-reference links.
 * Only what the actor may open: an author gets published articles, their own drafts and published
 * issues; other authors' drafts, embargoed work and planned issues stay with the editors.
 */
export function searchLinkTargets({ actor, query, limit = 12 }: { actor: StaffIdentity; query: string; limit?: number }): LinkTarget[] {
  const text = query.trim();
  if (text.length < 2) return [];
  const db = getDb();
  const visibleArticles = articlesVisibleTo(actor);
  const canSeePlannedIssues = can({ role: actor.role, action: 'issue.manage' });
  const matchingIssues = db
    .select({ title: issues.title, slug: issues.slug, volume: issues.volume, number: issues.number })
    .from(issues)
    .where(and(or(containsText(issues.title, text), containsText(issues.slug, text)), canSeePlannedIssues ? undefined : eq(issues.status, 'published')))
    .orderBy(desc(issues.coverDate))
    .limit(limit)
    .all()
    .map((issue) => ({ kind: 'issue' as const, title: issue.title, href: `/issues/${issue.slug}`, detail: `Volume ${issue.volume}, Number ${issue.number}` }));
  const matchingArticles = db
    .select({ title: articles.title, slug: articles.slug, status: articles.status })
    .from(articles)
    .where(and(or(containsText(articles.title, text), containsText(articles.slug, text)), visibleArticles ? or(isPublicArticle(), visibleArticles) : undefined))
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
