import 'server-only';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues, revisions } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { figureMediaIds } from './figure-media-ids';

/**
 * Whether readers may fetch an image's resized copies: only while something public shows it — a
 * figure or the featured image in the published snapshot of a publicly visible article past any
 * embargo, or the cover or a figure of the editor's note of a published issue. Drafts, scheduled
 * and embargoed articles, preview links and issues in planning make nothing public.
 */
export function isMediaPublic({ mediaId, now = new Date() }: { mediaId: number; now?: Date }): boolean {
  const db = getDb();
  const publishedIssue = eq(issues.status, 'published');
  if (db.select({ id: issues.id }).from(issues).where(and(publishedIssue, eq(issues.coverMediaId, mediaId))).get()) return true;
  // A cheap text match narrows the documents to read; reading their figures decides.
  const mentioned = `%/api/media/${mediaId}%`;
  const notes = db
    .select({ body: issues.editorsNoteBody })
    .from(issues)
    .where(and(publishedIssue, sql`${issues.editorsNoteBody} LIKE ${mentioned}`))
    .all();
  if (notes.some((note) => note.body !== null && figureMediaIds(note.body).has(mediaId))) return true;
  const featuredId = sql<number | null>`json_extract(${revisions.meta}, '$.featuredMediaId')`;
  const snapshots = db
    .select({ body: revisions.body, featuredId })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(
      and(
        isPublicArticle(),
        or(isNull(articles.embargoedUntil), lte(articles.embargoedUntil, now)),
        or(sql`${featuredId} = ${mediaId}`, sql`${revisions.body} LIKE ${mentioned}`),
      ),
    )
    .all();
  return snapshots.some((snapshot) => snapshot.featuredId === mediaId || figureMediaIds(snapshot.body).has(mediaId));
}
