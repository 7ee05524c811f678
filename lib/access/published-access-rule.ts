import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues } from '@/db/schema';
import { archiveFreeMonth, PUBLIC_ACCESS_RULE, type ArticleAccessRule } from './article-access-rule';

/** The access rule the public site applies to an article: its published access and its published issue's archive rule. */
export function publishedAccessRule(articleId: number): ArticleAccessRule {
  const row = getDb()
    .select({
      access: articles.publishedAccess,
      tierIds: articles.publishedAccessTierIds,
      coverDate: issues.coverDate,
      archiveFreeAfterMonths: issues.archiveFreeAfterMonths,
    })
    .from(articles)
    .leftJoin(issues, eq(issues.id, articles.publishedIssueId))
    .where(eq(articles.id, articleId))
    .get();
  if (!row) return PUBLIC_ACCESS_RULE;
  return {
    access: row.access,
    tierIds: row.tierIds,
    freeFromMonth: archiveFreeMonth({ coverDate: row.coverDate, months: row.archiveFreeAfterMonths }),
  };
}
