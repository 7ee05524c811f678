import { connection } from 'next/server';
import { getConfig } from '@/lib/config/get-config';
import { feedResponse } from '@/lib/feeds/feed-response';
import { getSiteFeed } from '@/lib/feeds/get-site-feed';

export async function GET() {
  await connection();
  return feedResponse({ lookup: { status: 'found', xml: getSiteFeed({ siteUrl: getConfig().siteUrl, format: 'rss' }) }, format: 'rss' });
}
