import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleCorrections, articles, revisions, type CorrectionKind } from '@/db/schema';
import { isPublicArticle } from './is-public-article';

export const CORRECTIONS_PER_PAGE = 30;

export type PublicCorrection = {
  id: number;
  kind: CorrectionKind;
  note: string;
  createdAt: Date;
  /** As readers see it now: its published title and slug. */
  article: { title: string; slug: string };
};

export type CorrectionsPage = { corrections: PublicCorrection[]; page: number; pageCount: number; total: number };

/**
 * Every public correction of an article that is published now, newest first, one page at a time;
 * `null` for a page number that does not exist (the first page always does, even when empty).
 */
export function listCorrections({ page = 1, perPage = CORRECTIONS_PER_PAGE }: { page?: number; perPage?: number } = {}): CorrectionsPage | null {
  if (!Number.isSafeInteger(page) || page < 1) return null;
  const db = getDb();
  const total =
    db
      .select({ value: count() })
      .from(articleCorrections)
      .innerJoin(articles, eq(articles.id, articleCorrections.articleId))
      .where(isPublicArticle())
      .get()?.value ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (page > pageCount) return null;
  const corrections = db
    .select({
      id: articleCorrections.id,
      kind: articleCorrections.kind,
      note: articleCorrections.note,
      createdAt: articleCorrections.createdAt,
      title: revisions.title,
      slug: revisions.slug,
    })
    .from(articleCorrections)
    .innerJoin(articles, eq(articles.id, articleCorrections.articleId))
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(isPublicArticle())
    .orderBy(desc(articleCorrections.createdAt), desc(articleCorrections.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all()
    .map(({ title, slug, ...correction }) => ({ ...correction, article: { title, slug } }));
  return { corrections, page, pageCount, total };
}
