import 'server-only';
import { publicArticlesFeed } from './public-articles-feed';
import type { FeedFormat } from './render-feed';
import { getSiteName } from '@/lib/platform/settings/site-settings';

/** The whole site's feed (`/feed.xml` in RSS, `/atom.xml` in Atom): the newest public articles. */
export function getSiteFeed({ siteUrl, format }: { siteUrl: string; format: FeedFormat }): string {
  return publicArticlesFeed({
    scope: { kind: 'site' },
    siteUrl,
    format,
    title: getSiteName(),
    description: 'News and analysis on arms control, disarmament and nonproliferation.',
    pagePath: '/',
    feedPath: format === 'atom' ? '/atom.xml' : '/feed.xml',
  });
}
