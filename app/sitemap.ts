import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getConfig } from '@/lib/platform/config/get-config';
import { listSitemapEntries } from '@/lib/site/feeds/list-sitemap-entries';

/** `/sitemap.xml`: every public page with when it last changed, read per request so a publication shows at once. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const { siteUrl } = getConfig();
  return listSitemapEntries().map((entry) => ({
    url: `${siteUrl}${entry.path}`,
    ...(entry.lastModified ? { lastModified: entry.lastModified } : {}),
  }));
}
