import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { pages } from '@/db/schema';
import { checkPageSlug } from './page-slug';

export const pageFieldsSchema = z.object({
  title: z.string().trim().min(1, 'Give the page a title.').max(200, 'Keep the title to 200 characters or fewer.'),
  slug: z.string().trim().default(''),
  seoDescription: z.string().trim().max(300, 'Keep the description to 300 characters or fewer.').default(''),
});

/** Why this page (`pageId`, or a new one) cannot live at `/<slug>`: a route of the site or another page; null when it can. */
export function slugClash(tx: Pick<Db, 'select'>, slug: string, pageId: number | null): string | null {
  const problem = checkPageSlug(slug);
  if (problem) return problem;
  const other = tx
    .select({ title: pages.title })
    .from(pages)
    .where(pageId === null ? eq(pages.slug, slug) : and(eq(pages.slug, slug), ne(pages.id, pageId)))
    .get();
  return other ? `The page “${other.title}” already uses /${slug}; choose another slug.` : null;
}
