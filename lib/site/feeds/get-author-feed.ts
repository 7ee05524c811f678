import 'server-only';
import { findPublicAuthor } from '@/lib/site/authors/find-public-author';
import type { FeedLookup } from './feed-response';
import { publicArticlesFeed } from './public-articles-feed';
import { getSiteName } from '@/lib/platform/settings/site-settings';

/** The RSS feed of an author: the newest public articles with their byline. */
export function getAuthorFeed({ slug, siteUrl }: { slug: string; siteUrl: string }): FeedLookup {
  const author = findPublicAuthor(slug);
  if (!author) return { status: 'missing' };
  const pagePath = `/authors/${author.slug}`;
  const xml = publicArticlesFeed({
    scope: { kind: 'author', contributorId: author.id },
    siteUrl,
    format: 'rss',
    title: `${author.name} · ${getSiteName()}`,
    description: `Articles by ${author.name} in ${getSiteName()}.`,
    pagePath,
    feedPath: `${pagePath}/feed.xml`,
  });
  return { status: 'found', xml };
}
