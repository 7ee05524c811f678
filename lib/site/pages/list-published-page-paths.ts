import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pages } from '@/db/schema';

/** Published pages for the sitemap (they are in no feed, issue or search): their address and when they were last published. */
export function listPublishedPagePaths(): { path: string; lastModified?: Date }[] {
  return getDb()
    .select({ slug: pages.slug, publishedAt: pages.publishedAt })
    .from(pages)
    .where(eq(pages.status, 'published'))
    .orderBy(asc(pages.slug))
    .all()
    .map((page) => ({ path: `/${page.slug}`, ...(page.publishedAt ? { lastModified: page.publishedAt } : {}) }));
}
