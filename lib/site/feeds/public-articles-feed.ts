import 'server-only';
import { articleGuid } from './article-guid';
import { listPublicArticles, type PublicArticleScope } from './list-public-articles';
import { renderFeed, type FeedFormat } from './render-feed';
import { authorPath } from '@/lib/articles/author-path';

/** Entries in every feed: enough for a reader who checks in weekly. */
export const FEED_SIZE = 30;

/** A feed of the newest public articles in a scope, with absolute links on `siteUrl`. */
export function publicArticlesFeed({
  scope,
  siteUrl,
  format,
  title,
  description,
  pagePath,
  feedPath,
}: {
  scope: PublicArticleScope;
  siteUrl: string;
  format: FeedFormat;
  title: string;
  description: string;
  pagePath: string;
  feedPath: string;
}): string {
  const { articles } = listPublicArticles({ scope, limit: FEED_SIZE });
  return renderFeed({
    format,
    channel: {
      title,
      description,
      pageUrl: `${siteUrl}${pagePath}`,
      selfUrl: `${siteUrl}${feedPath}`,
      entries: articles.map((article) => ({
        title: article.title,
        link: `${siteUrl}/articles/${article.slug}`,
        guid: articleGuid({ siteUrl, articleId: article.id }),
        publishedAt: article.publishedAt,
        modifiedAt: article.modifiedAt,
        summary: article.dek || article.excerpt,
        authors: article.authors.map((author) => ({ name: author.name, link: authorPath(author) && `${siteUrl}${authorPath(author)}` })),
      })),
    },
  });
}
