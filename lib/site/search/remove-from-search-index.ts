import 'server-only';
import { eq } from 'drizzle-orm';
import { articleSearch } from './article-search-table';
import type { SearchIndexTx } from './search-index-tx';

/** Takes an article out of search, inside the caller's transaction (unpublishing, or before reindexing it). */
export function removeFromSearchIndex(tx: SearchIndexTx, articleId: number): void {
  tx.delete(articleSearch).where(eq(articleSearch.rowid, articleId)).run();
}
