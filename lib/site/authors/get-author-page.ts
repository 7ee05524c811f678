import 'server-only';
import { listPublicArticles, type PublicArticle } from '@/lib/site/feeds/list-public-articles';
import { findPublicAuthor, type PublicAuthor } from './find-public-author';

export const AUTHOR_ARTICLES_PER_PAGE = 20;

export type AuthorPageData = { author: PublicAuthor; articles: PublicArticle[]; page: number; pageCount: number; totalArticles: number };

/** An author page: bio and one page of the public articles with their byline, newest first; null when there is no such public author or page. */
export function getAuthorPage({ slug, page }: { slug: string; page: number }): AuthorPageData | null {
  if (!Number.isSafeInteger(page) || page < 1) return null;
  const author = findPublicAuthor(slug);
  if (!author) return null;
  const listed = listPublicArticles({
    scope: { kind: 'author', contributorId: author.id },
    limit: AUTHOR_ARTICLES_PER_PAGE,
    offset: (page - 1) * AUTHOR_ARTICLES_PER_PAGE,
  });
  const pageCount = Math.max(1, Math.ceil(listed.total / AUTHOR_ARTICLES_PER_PAGE));
  if (page > pageCount) return null;
  return { author, articles: listed.articles, page, pageCount, totalArticles: listed.total };
}
