import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues, media, revisions, sections } from '@/db/schema';
import { bylinesFor, publishedBylinesFor, type Byline } from '@/lib/articles/article-bylines';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { getConfig } from '@/lib/platform/config/get-config';
import { toMediaView } from '@/lib/media/media-view';

import type { AccessLevel } from '@/db/schema';

export type IssueMailArticle = { title: string; dek: string; url: string; authors: Byline[]; access: AccessLevel };

export type IssueMailContent = {
  issueId: number;
  title: string;
  volume: number;
  number: number;
  issueUrl: string;
  editorsNote: string;
  cover: { url: string; alt: string } | null;
  sections: { name: string; articles: IssueMailArticle[] }[];
};

/**
 * What the issue email shows. `published`: the articles readers can open now, from their published
 * snapshots (what subscribers get). `preview`: before publication, what publishing would put out —
 * the working copies that are approved, scheduled or already published in the issue.
 */
export function issueMailContent({ issueId, mode }: { issueId: number; mode: 'published' | 'preview' }): IssueMailContent | null {
  const db = getDb();
  const issue = db.select().from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) return null;
  const { siteUrl } = getConfig();
  const rows =
    mode === 'published'
      ? db
          .select({ id: articles.id, title: revisions.title, dek: revisions.dek, slug: revisions.slug, sectionId: articles.publishedSectionId, position: articles.issuePosition, access: articles.publishedAccess })
          .from(articles)
          .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
          .where(and(isPublicArticle(), eq(articles.publishedIssueId, issueId)))
          .orderBy(asc(articles.issuePosition), asc(articles.id))
          .all()
      : db
          .select({ id: articles.id, title: articles.title, dek: articles.dek, slug: articles.slug, sectionId: articles.sectionId, position: articles.issuePosition, access: articles.access })
          .from(articles)
          .where(and(eq(articles.issueId, issueId), inArray(articles.status, ['approved', 'scheduled', 'published'])))
          .orderBy(asc(articles.issuePosition), asc(articles.id))
          .all();
  const bylines = mode === 'published' ? publishedBylinesFor(rows.map((row) => row.id)) : bylinesFor(rows.map((row) => row.id));
  const allSections = db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)).all();
  const toArticle = (row: (typeof rows)[number]): IssueMailArticle => ({
    title: row.title.trim() || 'Untitled',
    dek: row.dek,
    url: `${siteUrl}/articles/${row.slug}`,
    authors: bylines.get(row.id) ?? [],
    access: row.access,
  });
  const grouped = allSections
    .map((section) => ({ name: section.name, articles: rows.filter((row) => row.sectionId === section.id).map(toArticle) }))
    .filter((group) => group.articles.length > 0);
  const unfiled = rows.filter((row) => row.sectionId === null || !allSections.some((section) => section.id === row.sectionId));
  if (unfiled.length > 0) grouped.push({ name: 'More in this issue', articles: unfiled.map(toArticle) });

  const coverRow = issue.coverMediaId ? db.select().from(media).where(eq(media.id, issue.coverMediaId)).get() : undefined;
  const cover = coverRow ? toMediaView(coverRow) : null;
  return {
    issueId: issue.id,
    title: issue.title,
    volume: issue.volume,
    number: issue.number,
    issueUrl: `${siteUrl}/issues/${issue.slug}`,
    editorsNote: issue.editorsNote,
    cover: cover ? { url: `${siteUrl}${cover.url}`, alt: cover.alt || `Cover of ${issue.title}` } : null,
    sections: grouped,
  };
}
