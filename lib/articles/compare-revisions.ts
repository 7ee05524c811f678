import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { contributors, issues, media, revisions, sections, type Revision, type RevisionMeta } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { loadArticleFor } from './article-access';
import { diffText, type TextDiff } from './diff-text';

export type MetaChange = { label: string; before: string; after: string };

export type RevisionComparison = {
  from: { id: number; version: number; createdAt: string };
  to: { id: number; version: number; createdAt: string };
  text: TextDiff;
  metaChanges: MetaChange[];
};

/** What changed between two revisions of one article: the words, and each metadata field. */
export function compareRevisions({
  articleId,
  fromId,
  toId,
  actor,
}: {
  articleId: number;
  fromId: number;
  toId: number;
  actor: StaffIdentity;
}): RevisionComparison {
  loadArticleFor({ id: articleId, actor, action: 'article.view' });
  const from = getRevisionOf({ articleId, revisionId: fromId });
  const to = getRevisionOf({ articleId, revisionId: toId });
  return {
    from: { id: from.id, version: from.version, createdAt: from.createdAt.toISOString() },
    to: { id: to.id, version: to.version, createdAt: to.createdAt.toISOString() },
    text: diffText({ before: from.bodyText, after: to.bodyText }),
    metaChanges: metaChanges(from, to),
  };
}

export function getRevisionOf({ articleId, revisionId }: { articleId: number; revisionId: number }): Revision {
  const revision = getDb()
    .select()
    .from(revisions)
    .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)))
    .get();
  if (!revision) throw new NotFoundError('That revision does not belong to this article.');
  return revision;
}

function metaChanges(from: Revision, to: Revision): MetaChange[] {
  const changes: MetaChange[] = [];
  const add = (label: string, before: string, after: string) => {
    if (before !== after) changes.push({ label, before, after });
  };
  add('Title', from.title, to.title);
  add('Dek', from.dek, to.dek);
  add('Slug', from.slug, to.slug);
  const names = lookupNames([from.meta, to.meta]);
  add('Section', names.section(from.meta.sectionId), names.section(to.meta.sectionId));
  add('Issue', names.issue(from.meta.issueId), names.issue(to.meta.issueId));
  add('Authors', names.authors(from.meta.authorContributorIds), names.authors(to.meta.authorContributorIds));
  add('SEO title', from.meta.seoTitle ?? '', to.meta.seoTitle ?? '');
  add('SEO description', from.meta.seoDescription ?? '', to.meta.seoDescription ?? '');
  add('Featured image', names.media(from.meta.featuredMediaId), names.media(to.meta.featuredMediaId));
  return changes;
}

function lookupNames(metas: RevisionMeta[]) {
  const db = getDb();
  const ids = (pick: (meta: RevisionMeta) => (number | null | undefined)[]) =>
    [...new Set(metas.flatMap(pick).filter((id): id is number => typeof id === 'number'))];
  const sectionIds = ids((meta) => [meta.sectionId]);
  const issueIds = ids((meta) => [meta.issueId]);
  const contributorIds = ids((meta) => meta.authorContributorIds ?? []);
  const mediaIds = ids((meta) => [meta.featuredMediaId]);
  const sectionNames = new Map(sectionIds.length ? db.select({ id: sections.id, name: sections.name }).from(sections).where(inArray(sections.id, sectionIds)).all().map((row) => [row.id, row.name]) : []);
  const issueNames = new Map(issueIds.length ? db.select({ id: issues.id, name: issues.title }).from(issues).where(inArray(issues.id, issueIds)).all().map((row) => [row.id, row.name]) : []);
  const contributorNames = new Map(contributorIds.length ? db.select({ id: contributors.id, name: contributors.name }).from(contributors).where(inArray(contributors.id, contributorIds)).all().map((row) => [row.id, row.name]) : []);
  const mediaNames = new Map(mediaIds.length ? db.select({ id: media.id, name: media.originalName }).from(media).where(inArray(media.id, mediaIds)).all().map((row) => [row.id, row.name]) : []);
  const named = (map: Map<number, string>, id: number | null | undefined) => (typeof id === 'number' ? (map.get(id) ?? `#${id} (deleted)`) : '—');
  return {
    section: (id: number | null | undefined) => named(sectionNames, id),
    issue: (id: number | null | undefined) => named(issueNames, id),
    media: (id: number | null | undefined) => named(mediaNames, id),
    authors: (list: number[] | undefined) => (list && list.length > 0 ? list.map((id) => named(contributorNames, id)).join(', ') : '—'),
  };
}
