import { connection } from 'next/server';
import { getConfig } from '@/lib/platform/config/get-config';
import { feedResponse } from '@/lib/site/feeds/feed-response';
import { getAuthorFeed } from '@/lib/site/feeds/get-author-feed';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  return feedResponse({ lookup: getAuthorFeed({ slug: (await params).slug, siteUrl: getConfig().siteUrl }), format: 'rss' });
}
