import 'server-only';
import { and, eq, exists } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, contributors, publishedArticleAuthors } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';

export type PublicAuthor = { id: number; name: string; slug: string; bio: string };

/**
 * A contributor by their public address, only once a public article carries their byline: staff and
 * guests who have published nothing have no public page (and their names stay private), nor do guests awaiting review.
 */
export function findPublicAuthor(slug: string): PublicAuthor | null {
  const db = getDb();
  const hasPublicArticle = exists(
    db
      .select({ one: publishedArticleAuthors.articleId })
      .from(publishedArticleAuthors)
      .innerJoin(articles, eq(articles.id, publishedArticleAuthors.articleId))
      .where(and(eq(publishedArticleAuthors.contributorId, contributors.id), isPublicArticle())),
  );
  return (
    db
      .select({ id: contributors.id, name: contributors.name, slug: contributors.slug, bio: contributors.bio })
      .from(contributors)
      .where(and(eq(contributors.slug, slug), eq(contributors.reviewStatus, 'approved'), hasPublicArticle))
      .get() ?? null
  );
}
