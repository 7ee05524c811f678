import 'server-only';
import { findSection } from '@/lib/site/sections/find-section';
import type { FeedLookup } from './feed-response';
import { publicArticlesFeed } from './public-articles-feed';
import { getSiteName } from '@/lib/platform/settings/site-settings';

/** The RSS feed of a section: its newest public articles. */
export function getSectionFeed({ slug, siteUrl }: { slug: string; siteUrl: string }): FeedLookup {
  const section = findSection(slug);
  if (!section) return { status: 'missing' };
  const pagePath = `/sections/${section.slug}`;
  const xml = publicArticlesFeed({
    scope: { kind: 'section', sectionId: section.id },
    siteUrl,
    format: 'rss',
    title: `${section.name} · ${getSiteName()}`,
    description: section.description || `The latest ${section.name} from ${getSiteName()}.`,
    pagePath,
    feedPath: `${pagePath}/feed.xml`,
  });
  return { status: 'found', xml };
}
