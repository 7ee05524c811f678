import 'server-only';
import { listPublishedArticles } from './list-latest-articles';
import type { PublishedArticleSummary } from './published-article-summary';

/** Other articles published in the same issue, newest first. */
export function moreFromIssue({ issueId, excludeArticleId, limit = 4 }: { issueId: number; excludeArticleId: number; limit?: number }): PublishedArticleSummary[] {
  return listPublishedArticles({ issueId, limit: limit + 1 })
    .filter((article) => article.id !== excludeArticleId)
    .slice(0, limit);
}
