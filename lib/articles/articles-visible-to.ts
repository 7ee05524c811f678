import 'server-only';
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articles, contributors } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { POLICY } from '@/lib/staff/auth/policy';

/**
 * The articles a staff member may open, as a condition on `articles` (the list form of
 * `isOwnArticle`): undefined for everything, their own (started or in the byline) for authors.
 */
export function articlesVisibleTo(actor: StaffIdentity): SQL | undefined {
  const scope = POLICY['article.view'][actor.role];
  if (scope === 'any') return undefined;
  if (scope === 'none') return sql`0`;
  const bylineIds = getDb()
    .select({ id: articleAuthors.articleId })
    .from(articleAuthors)
    .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
    .where(eq(contributors.userId, actor.id));
  return or(eq(articles.createdBy, actor.id), inArray(articles.id, bylineIds));
}
