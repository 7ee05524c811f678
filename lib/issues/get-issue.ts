import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { issues, sections } from '@/db/schema';
import { listPublishedArticles } from '@/lib/articles/list-latest-articles';
import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';

export type IssueSummary = { id: number; slug: string; title: string; volume: number; number: number; coverDate: string; editorsNote: string };

export type IssueContents = IssueSummary & {
  sections: { name: string; slug: string; articles: PublishedArticleSummary[] }[];
};

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

/** A published issue with its published articles grouped by section, in section order. */
export function getIssueContents(slug: string): IssueContents | null {
  const db = getDb();
  const issue = db
    .select(summaryColumns)
    .from(issues)
    .where(and(eq(issues.slug, slug), eq(issues.status, 'published')))
    .get();
  if (!issue) return null;
  const inIssue = listPublishedArticles({ issueId: issue.id, limit: 500 }).reverse();
  const allSections = db.select().from(sections).orderBy(asc(sections.position), asc(sections.name)).all();
  const grouped = allSections
    .map((section) => ({
      name: section.name,
      slug: section.slug,
      articles: inIssue.filter((article) => article.section?.slug === section.slug),
    }))
    .filter((group) => group.articles.length > 0);
  const unfiled = inIssue.filter((article) => !article.section);
  if (unfiled.length > 0) grouped.push({ name: 'More in this issue', slug: 'more', articles: unfiled });
  return { ...issue, sections: grouped };
}
