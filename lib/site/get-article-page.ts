import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getPublishedArticle, type PublishedArticle } from '@/lib/articles/get-published-article';
import { moreFromIssue } from '@/lib/articles/more-from-issue';
import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { publishedFootprint } from '@/lib/articles/published-footprint';
import { relatedArticles } from '@/lib/articles/related-articles';
import { cacheTags } from '@/lib/platform/cache/cache-tags';
import { READER_CACHE_LIFE } from './reader-cache-life';

export type ArticlePage = {
  article: PublishedArticle;
  related: PublishedArticleSummary[];
  moreFromIssue: PublishedArticleSummary[];
};

/**
 * Everything the public page of `/articles/<slug>` shows, cached under the tags of each record in it;
 * null (cached too, under the slug's tag) when no published article has that slug now.
 */
export async function getArticlePage(slug: string): Promise<ArticlePage | null> {
  'use cache';
  cacheLife(READER_CACHE_LIFE);
  cacheTag(cacheTags.site, cacheTags.articleSlug(slug));
  const article = getPublishedArticle(slug);
  if (!article) return null;
  const footprint = publishedFootprint(article.id);
  const related = relatedArticles({ articleId: article.id, limit: 4 });
  const fromIssue = article.issue && footprint.issueId !== null ? moreFromIssue({ issueId: footprint.issueId, excludeArticleId: article.id, limit: 4 }) : [];
  cacheTag(
    cacheTags.article(article.id),
    ...(footprint.issueId !== null ? [cacheTags.issue(footprint.issueId)] : []),
    ...(footprint.sectionId !== null ? [cacheTags.section(footprint.sectionId)] : []),
    ...footprint.entityIds.map(cacheTags.entity),
    ...footprint.contributorIds.map(cacheTags.author),
    ...[...related, ...fromIssue].map((listed) => cacheTags.article(listed.id)),
  );
  return { article, related, moreFromIssue: fromIssue };
}
