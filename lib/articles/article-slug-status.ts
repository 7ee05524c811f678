import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, articleSlugHistory } from '@/db/schema';

/**
 * What `/articles/<slug>` leads to: a published article, one that was withdrawn (410 Gone), or
 * nothing we know (404). The slug may be an article's current one or any it had before.
 */
export type ArticleSlugStatus = 'published' | 'gone' | 'unknown';

/** One statement on two unique indexes (the article's slug, the slug history), cheap enough for every article request. */
export function articleSlugStatus(slug: string): ArticleSlugStatus {
  const row = articleForSlug(slug);
  if (!row) return 'unknown';
  if (row.status === 'published' && row.publishedRevisionId !== null) return 'published';
  // Withdrawn, including one taken back into the desk for rework since: readers saw it, so it is gone, not missing.
  if (row.status === 'unpublished' || row.unpublishedAt !== null) return 'gone';
  return 'unknown';
}

/** The article whose current slug, or one it had before, is `slug`. */
export function articleForSlug(slug: string) {
  return getDb()
    .select({ id: articles.id, status: articles.status, publishedRevisionId: articles.publishedRevisionId, unpublishedAt: articles.unpublishedAt })
    .from(articles)
    .where(
      eq(
        articles.id,
        sql`coalesce(
          (select ${articles.id} from ${articles} where ${articles.slug} = ${slug}),
          (select ${articleSlugHistory.articleId} from ${articleSlugHistory} where ${articleSlugHistory.slug} = ${slug})
        )`,
      ),
    )
    .get();
}
