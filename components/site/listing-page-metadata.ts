import type { Metadata } from 'next';
import { getConfig } from '@/lib/platform/config/get-config';
import { getSiteName } from '@/lib/platform/settings/site-settings';
import { listingPageHref } from './listing-pagination';

/** The head of one page of a section or author listing: its title, canonical address, feed and sharing card. */
export function listingPageMetadata({
  name,
  description,
  basePath,
  page,
  openGraphType,
}: {
  name: string;
  description: string;
  basePath: string;
  page: number;
  openGraphType: 'website' | 'profile';
}): Metadata {
  const { siteUrl } = getConfig();
  const title = page > 1 ? `${name} (page ${page})` : name;
  const canonical = `${siteUrl}${listingPageHref({ basePath, page })}`;
  return {
    title,
    description,
    alternates: { canonical, types: { 'application/rss+xml': [{ url: `${siteUrl}${basePath}/feed.xml`, title: `${name} · ${getSiteName()}` }] } },
    openGraph: { type: openGraphType, title, description, url: canonical },
  };
}
