import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, sections, type AccessLevel, type ArticleStatus, type IssueStatus } from '@/db/schema';
import { bylinesFor, type Byline } from '@/lib/articles/article-bylines';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { getMedia } from '@/lib/media/get-media';
import type { MediaView } from '@/lib/media/media-view';
import { assessIssueArticle } from './assess-issue-article';
import type { IssueBlocker } from './issue-blocker';
import { loadIssue } from './load-issue';

export type PlannedArticle = {
  id: number;
  title: string;
  dek: string;
  status: ArticleStatus;
  authors: Byline[];
  isReady: boolean;
  reasons: string[];
};

/** One section's share of the issue; `sectionId` null holds articles that have no section yet. */
export type PlannedSection = { sectionId: number | null; name: string; articles: PlannedArticle[] };

export type IssuePlan = {
  id: number;
  slug: string;
  title: string;
  volume: number;
  number: number;
  coverDate: string;
  plannedPublicationDate: string | null;
  status: IssueStatus;
  publishedAt: Date | null;
  isEmailWanted: boolean;
  defaultAccess: AccessLevel | null;
  archiveFreeAfterMonths: number | null;
  editorsNoteBody: unknown;
  cover: MediaView | null;
  sections: PlannedSection[];
  blockers: IssueBlocker[];
  articleCount: number;
};

export const UNFILED_SECTION_NAME = 'No section yet';

/**
 * The issue planner's view: every article of the issue (published or not) grouped by its working
 * section in section order, then by its place in the issue, each with its workflow state and what
 * keeps it from publication.
 */
export function getIssuePlan({ id, actor, now = new Date() }: { id: number; actor: StaffIdentity; now?: Date }): IssuePlan {
  assertCan({ role: actor.role, action: 'issue.manage' });
  const db = getDb();
  const issue = loadIssue(db, id);
  const members = db.select().from(articles).where(eq(articles.issueId, id)).orderBy(asc(articles.issuePosition), asc(articles.id)).all();
  const allSections = db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name), asc(sections.id)).all();
  const bylines = bylinesFor(members.map((article) => article.id));
  const planned = members.map((article) => {
    const assessment = assessIssueArticle(db, { article, now });
    return {
      sectionId: article.sectionId,
      article: {
        id: article.id,
        title: article.title.trim() || 'Untitled',
        dek: article.dek,
        status: article.status,
        authors: bylines.get(article.id) ?? [],
        isReady: assessment.isReady,
        reasons: assessment.reasons,
      },
    };
  });
  const grouped: PlannedSection[] = allSections
    .map((section) => ({
      sectionId: section.id as number | null,
      name: section.name,
      articles: planned.filter((entry) => entry.sectionId === section.id).map((entry) => entry.article),
    }))
    .filter((section) => section.articles.length > 0);
  const unfiled = planned.filter((entry) => entry.sectionId === null).map((entry) => entry.article);
  if (unfiled.length > 0) grouped.push({ sectionId: null, name: UNFILED_SECTION_NAME, articles: unfiled });
  return {
    id: issue.id,
    slug: issue.slug,
    title: issue.title,
    volume: issue.volume,
    number: issue.number,
    coverDate: issue.coverDate,
    plannedPublicationDate: issue.plannedPublicationDate,
    status: issue.status,
    publishedAt: issue.publishedAt,
    isEmailWanted: issue.isEmailWanted,
    defaultAccess: issue.defaultAccess,
    archiveFreeAfterMonths: issue.archiveFreeAfterMonths,
    editorsNoteBody: issue.editorsNoteBody,
    cover: issue.coverMediaId === null ? null : getMedia(issue.coverMediaId),
    sections: grouped,
    blockers: grouped.flatMap((section) =>
      section.articles.filter((article) => !article.isReady).map((article) => ({ articleId: article.id, title: article.title, reasons: article.reasons })),
    ),
    articleCount: members.length,
  };
}
