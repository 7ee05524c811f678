import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { cacheTags } from '@/lib/platform/cache/cache-tags';
import { READER_CACHE_LIFE } from '../reader-cache-life';
import type { SiteNavigation } from './default-navigation';
import { readSiteNavigation } from './list-navigation';

/** The header and footer links for every reader page, cached until the desk saves a menu. */
export async function getSiteNavigation(): Promise<SiteNavigation> {
  'use cache';
  cacheLife(READER_CACHE_LIFE);
  cacheTag(cacheTags.site, cacheTags.navigation);
  return readSiteNavigation();
}
