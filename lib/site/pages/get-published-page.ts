import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pages } from '@/db/schema';
import { makeExcerpt } from '@/lib/content/derive-article-text';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { withPublicMediaAddresses } from '@/lib/media/with-public-media-addresses';

export type PublishedPage = {
  id: number;
  slug: string;
  title: string;
  /** The page's own description for search engines, or the start of its text. */
  description: string;
  html: string;
  publishedAt: Date;
};

const DESCRIPTION_LENGTH = 200;

/** What readers see at `/<slug>`: the published title and text, never the working copy; null for a draft or an unknown slug. */
export function getPublishedPage(slug: string): PublishedPage | null {
  const page = getDb()
    .select()
    .from(pages)
    .where(and(eq(pages.slug, slug), eq(pages.status, 'published'), isNotNull(pages.publishedBody)))
    .get();
  if (!page?.publishedBody || page.publishedTitle === null || !page.publishedAt) return null;
  return {
    id: page.id,
    slug: page.slug,
    title: page.publishedTitle,
    description: page.seoDescription || makeExcerpt(docToPlainText(page.publishedBody), DESCRIPTION_LENGTH),
    html: renderArticleHtml(withPublicMediaAddresses(page.publishedBody)),
    publishedAt: page.publishedAt,
  };
}
