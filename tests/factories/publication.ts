import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleCorrections, articles, revisions, type CorrectionKind } from '@/db/schema';
import { clearPublishedSnapshot, writePublishedSnapshot } from '@/lib/articles/published-snapshot';

/**
 * Republishes an article's working copy as the publishing step does: a new revision becomes the
 * published one, the snapshot is rewritten, `modifiedAt` moves, and an optional public note is added.
 */
export function republishTestArticle({
  articleId,
  at = new Date(),
  correction,
}: {
  articleId: number;
  at?: Date;
  correction?: { kind?: CorrectionKind; note: string };
}): { revisionId: number; correctionId: number | null } {
  const db = getDb();
  return db.transaction((tx) => {
    const article = tx.select().from(articles).where(eq(articles.id, articleId)).get();
    if (!article) throw new Error(`Article ${articleId} does not exist.`);
    const revision = tx
      .insert(revisions)
      .values({
        articleId,
        version: article.version,
        slug: article.slug,
        title: article.title,
        dek: article.dek,
        body: article.body,
        bodyText: article.bodyText,
        wordCount: article.wordCount,
        reason: correction ? 'correction' : 'publish',
        createdAt: at,
      })
      .returning({ id: revisions.id })
      .get();
    tx.update(articles)
      .set({ publishedRevisionId: revision.id, status: 'published', publishedAt: article.publishedAt ?? at, modifiedAt: at })
      .where(eq(articles.id, articleId))
      .run();
    writePublishedSnapshot(tx, articleId);
    const added = correction
      ? tx
          .insert(articleCorrections)
          .values({ articleId, revisionId: revision.id, kind: correction.kind ?? 'correction', note: correction.note, createdAt: at })
          .returning({ id: articleCorrections.id })
          .get()
      : null;
    return { revisionId: revision.id, correctionId: added?.id ?? null };
  });
}

/** Withdraws an article as the unpublishing step does: status, time, and no published snapshot rows. */
export function unpublishTestArticle({ articleId, at = new Date() }: { articleId: number; at?: Date }): void {
  const db = getDb();
  db.transaction((tx) => {
    tx.update(articles).set({ status: 'unpublished', unpublishedAt: at }).where(eq(articles.id, articleId)).run();
    clearPublishedSnapshot(tx, articleId);
  });
}
