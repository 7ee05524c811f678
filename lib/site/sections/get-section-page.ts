import 'server-only';
import { listPublicArticles, type PublicArticle } from '@/lib/site/feeds/list-public-articles';
import { findSection, type PublicSection } from './find-section';

export const SECTION_ARTICLES_PER_PAGE = 20;

export type SectionPageData = { section: PublicSection; articles: PublicArticle[]; page: number; pageCount: number; totalArticles: number };

/** A section page: the section and one page of its public articles, newest first; null for an unknown section or a page past the end. */
export function getSectionPage({ slug, page }: { slug: string; page: number }): SectionPageData | null {
  if (!Number.isSafeInteger(page) || page < 1) return null;
  const section = findSection(slug);
  if (!section) return null;
  const listed = listPublicArticles({
    scope: { kind: 'section', sectionId: section.id },
    limit: SECTION_ARTICLES_PER_PAGE,
    offset: (page - 1) * SECTION_ARTICLES_PER_PAGE,
  });
  const pageCount = Math.max(1, Math.ceil(listed.total / SECTION_ARTICLES_PER_PAGE));
  if (page > pageCount) return null;
  return { section, articles: listed.articles, page, pageCount, totalArticles: listed.total };
}
