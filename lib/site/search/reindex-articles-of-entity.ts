import 'server-only';
import { eq } from 'drizzle-orm';
import { publishedArticleEntities } from '@/db/schema';
import { indexPublishedArticle } from './index-published-article';
import type { SearchIndexTx } from './search-index-tx';

/** After an entity's name or aliases change (or a merge moved tags onto it), the articles tagged with it are found by its new names. */
export function reindexArticlesOfEntity(tx: SearchIndexTx, entityId: number): number {
  const tagged = tx
    .select({ articleId: publishedArticleEntities.articleId })
    .from(publishedArticleEntities)
    .where(eq(publishedArticleEntities.entityId, entityId))
    .all();
  for (const { articleId } of tagged) indexPublishedArticle(tx, articleId);
  return tagged.length;
}
