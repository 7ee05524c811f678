import 'server-only';
import { insertSearchRows } from './insert-search-rows';
import { removeFromSearchIndex } from './remove-from-search-index';
import type { SearchIndexTx } from './search-index-tx';

/**
 * Brings one article's search row in step with its published snapshot, inside the caller's transaction:
 * a public article gets a fresh row, anything else (draft, unpublished) none.
 */
export function indexPublishedArticle(tx: SearchIndexTx, articleId: number): void {
  removeFromSearchIndex(tx, articleId);
  insertSearchRows(tx, { articleId });
}
