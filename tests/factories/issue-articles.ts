import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues, revisions, type ArticleStatus } from '@/db/schema';
import { writePublishedSnapshot } from '@/lib/articles/published-snapshot';
import { createReadyArticle } from './ready-article';

let sequence = 0;

/** An issue in planning (or the given status), with a unique slug and number. */
export function createPlanningIssue({ title, status = 'planning' as 'planning' | 'ready' | 'published', isEmailWanted = true } = {} as {
  title?: string;
  status?: 'planning' | 'ready' | 'published';
  isEmailWanted?: boolean;
}): { id: number; slug: string; title: string } {
  sequence += 1;
  const name = title ?? `Planned issue ${sequence}`;
  const row = getDb()
    .insert(issues)
    .values({ slug: `2031-${String(sequence).padStart(2, '0')}-${sequence}`, title: name, volume: 40, number: sequence, coverDate: '2031-05-01', status, isEmailWanted })
    .returning({ id: issues.id, slug: issues.slug })
    .get();
  return { ...row, title: name };
}

/**
 * An article that passes the preflight checklist, filed in `sectionId` and placed in the issue at
 * `position`, set straight into `status`. A `published` one gets a published snapshot first.
 */
export function createIssueArticle({
  owner,
  issueId,
  sectionId,
  title,
  status = 'approved' as ArticleStatus,
  position = 0,
  embargoedUntil = null as Date | null,
}: {
  owner: { id: number; contributorId: number };
  issueId: number | null;
  sectionId: number;
  title: string;
  status?: ArticleStatus;
  position?: number;
  embargoedUntil?: Date | null;
}): { id: number; slug: string } {
  const db = getDb();
  const article = createReadyArticle({ owner, status, embargoedUntil });
  db.update(articles).set({ title, sectionId, issueId, issuePosition: position }).where(eq(articles.id, article.id)).run();
  if (status === 'published') {
    const row = db.select().from(articles).where(eq(articles.id, article.id)).get()!;
    const publishedAt = new Date('2031-04-20T09:00:00Z');
    const revision = db
      .insert(revisions)
      .values({ articleId: row.id, version: row.version, slug: row.slug, title: row.title, dek: row.dek, body: row.body, bodyText: row.bodyText, reason: 'publish' })
      .returning({ id: revisions.id })
      .get();
    db.update(articles).set({ publishedRevisionId: revision.id, publishedAt, firstPublishedAt: publishedAt, modifiedAt: publishedAt }).where(eq(articles.id, row.id)).run();
    writePublishedSnapshot(db, row.id);
  }
  return { id: article.id, slug: article.slug };
}
