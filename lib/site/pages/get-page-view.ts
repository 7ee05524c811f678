import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { cacheTags } from '@/lib/platform/cache/cache-tags';
import { READER_CACHE_LIFE } from '../reader-cache-life';
import { getPublishedPage, type PublishedPage } from './get-published-page';

/** `getPublishedPage` for the public route, cached under the slug (so a later publication there expires "nothing") and the page. */
export async function getPageView(slug: string): Promise<PublishedPage | null> {
  'use cache';
  cacheLife(READER_CACHE_LIFE);
  cacheTag(cacheTags.site, cacheTags.pageSlug(slug));
  const page = getPublishedPage(slug);
  if (page) cacheTag(cacheTags.page(page.id));
  return page;
}
