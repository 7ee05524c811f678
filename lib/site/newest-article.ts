import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';

/** The most recently published of these articles (the higher id on a tie, as the lists order them); undefined for none. */
export function newestArticle(articles: readonly PublishedArticleSummary[]): PublishedArticleSummary | undefined {
  return articles.reduce<PublishedArticleSummary | undefined>((newest, article) => {
    if (!newest) return article;
    const difference = article.publishedAt.getTime() - newest.publishedAt.getTime();
    return difference > 0 || (difference === 0 && article.id > newest.id) ? article : newest;
  }, undefined);
}
