import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { issues } from '@/db/schema';
import type { FeedLookup } from './feed-response';
import { publicArticlesFeed } from './public-articles-feed';
import { getSiteName } from '@/lib/platform/settings/site-settings';

/** The RSS feed of a published issue: its public articles; an issue still being planned has none. */
export function getIssueFeed({ slug, siteUrl }: { slug: string; siteUrl: string }): FeedLookup {
  const issue = getDb()
    .select({ id: issues.id, slug: issues.slug, title: issues.title })
    .from(issues)
    .where(and(eq(issues.slug, slug), eq(issues.status, 'published')))
    .get();
  if (!issue) return { status: 'missing' };
  const pagePath = `/issues/${issue.slug}`;
  const xml = publicArticlesFeed({
    scope: { kind: 'issue', issueId: issue.id },
    siteUrl,
    format: 'rss',
    title: `${issue.title} · ${getSiteName()}`,
    description: `Articles from the ${issue.title} issue of ${getSiteName()}.`,
    pagePath,
    feedPath: `${pagePath}/feed.xml`,
  });
  return { status: 'found', xml };
}
