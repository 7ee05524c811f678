import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues, revisions } from '@/db/schema';
import { publishedBylinesFor } from '@/lib/articles/article-bylines';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { buildIssueContents } from './build-issue-contents';
import type { IssueContents, IssueSummary } from './issue-contents';

export type { IssueContents, IssueSummary, IssueTocEntry, IssueTocSection } from './issue-contents';

const summaryColumns = {
  id: issues.id,
  slug: issues.slug,
  title: issues.title,
  volume: issues.volume,
  number: issues.number,
  coverDate: issues.coverDate,
  editorsNote: issues.editorsNote,
};

/** The newest published issue: what the home page calls "the current issue". */
export function getCurrentIssue(): IssueSummary | null {
  return (
    getDb()
      .select(summaryColumns)
      .from(issues)
      .where(eq(issues.status, 'published'))
      .orderBy(desc(issues.coverDate), desc(issues.id))
      .get() ?? null
  );
}

export function listPublishedIssues(): IssueSummary[] {
  return getDb().select(summaryColumns).from(issues).where(eq(issues.status, 'published')).orderBy(desc(issues.coverDate)).all();
}

/**
 * A published issue with its table of contents: the publicly published articles listed in it (by
 * their published snapshot), grouped by their published section in section order, then in the
 * order the editors set for the issue.
 */
export function getIssueContents(slug: string): IssueContents | null {
  const db = getDb();
  const issue = db.select().from(issues).where(and(eq(issues.slug, slug), eq(issues.status, 'published'))).get();
  if (!issue) return null;
  const rows = db
    .select({ id: articles.id, slug: revisions.slug, title: revisions.title, dek: revisions.dek, sectionId: articles.publishedSectionId })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(and(isPublicArticle(), eq(articles.publishedIssueId, issue.id)))
    .orderBy(asc(articles.issuePosition), asc(articles.publishedAt), asc(articles.id))
    .all();
  const bylines = publishedBylinesFor(rows.map((row) => row.id));
  const entries = rows.map((row) => ({ ...row, authors: bylines.get(row.id) ?? [], href: `/articles/${row.slug}` }));
  return buildIssueContents({ db, issue, entries });
}
