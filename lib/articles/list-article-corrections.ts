import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleCorrections, type CorrectionKind } from '@/db/schema';

export type ArticleCorrectionNote = { id: number; kind: CorrectionKind; note: string; createdAt: Date };

/** The public correction notes of one article, oldest first, as they read under the article. */
export function listArticleCorrections(articleId: number): ArticleCorrectionNote[] {
  return getDb()
    .select({ id: articleCorrections.id, kind: articleCorrections.kind, note: articleCorrections.note, createdAt: articleCorrections.createdAt })
    .from(articleCorrections)
    .where(eq(articleCorrections.articleId, articleId))
    .orderBy(asc(articleCorrections.createdAt), asc(articleCorrections.id))
    .all();
}
