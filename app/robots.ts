import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getConfig } from '@/lib/platform/config/get-config';

/** `/robots.txt`: the newsroom, staff and reader accounts, preview links and the API are not for crawlers; public images are. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // SITE_URL is read when the server starts, not when it was built.
  await connection();
  const { siteUrl } = getConfig();
  return {
    rules: { userAgent: '*', allow: ['/', '/api/media/'], disallow: ['/desk', '/api/', '/preview/', '/account', '/login', '/search'] },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
