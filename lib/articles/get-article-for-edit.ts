import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { getDb } from '@/db/client';
import { and, asc, desc, eq } from 'drizzle-orm';
import { articleAuthors, articleEntities, contributors, entities, issues, media, membershipTiers, sections, type AccessLevel, type ArticleStatus, type EntityKind, type StaffRole } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { mediaFileUrl } from '@/lib/media/media-view';
import { toBylineContributor, type BylineContributor } from '@/lib/staff/users/byline-contributor';
import { isOwnArticle, loadArticleFor } from './article-access';
import { canEditInState, lockedReason } from './workflow';

/** Who has the editor open: what the panels need to know of them. */
export type EditorViewer = { id: number; name: string; role: StaffRole };

export type EditableArticle = {
  id: number;
  version: number;
  status: ArticleStatus;
  title: string;
  dek: string;
  slug: string;
  body: JSONContent;
  sectionId: number | null;
  issueId: number | null;
  /** Who may read the whole body once published (working copy), and the tiers when it is `tiers`. */
  access: AccessLevel;
  accessTierIds: number[];
  authors: { id: number; name: string }[];
  seoTitle: string;
  seoDescription: string;
  featuredImage: { id: number; url: string; alt: string } | null;
  wordCount: number;
  updatedAt: string;
  isPublished: boolean;
  /** False when the workflow has taken the article out of this person's hands (an author's article in review). */
  canEdit: boolean;
  /** Why not, in words, when `canEdit` is false. */
  lockedReason: string | null;
  /** Tags added by hand (mentions in the text are tags too, and are read from the text). */
  manualTags: { id: number; kind: EntityKind; name: string }[];
};

export type EditorOptions = {
  sections: { id: number; name: string }[];
  issues: { id: number; title: string }[];
  contributors: BylineContributor[];
  /** Membership tiers an article can be limited to. */
  tiers: { id: number; name: string }[];
};

/**
 * The working copy for the editor; throws NotFound/Forbidden for articles the actor may not see.
 * An article the workflow has locked for this person opens read-only (`canEdit: false`).
 */
export function getArticleForEdit({ id, actor }: { id: number; actor: StaffIdentity }): EditableArticle {
  const article = loadArticleFor({ id, actor, action: 'article.view' });
  const canEdit = canEditInState({ status: article.status, role: actor.role, isOwn: isOwnArticle({ article, actor }) });
  const db = getDb();
  const authors = db
    .select({ id: contributors.id, name: contributors.name })
    .from(articleAuthors)
    .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
    .where(eq(articleAuthors.articleId, id))
    .orderBy(asc(articleAuthors.position))
    .all();
  const featured = article.featuredMediaId
    ? db.select().from(media).where(eq(media.id, article.featuredMediaId)).get()
    : undefined;
  return {
    id: article.id,
    version: article.version,
    status: article.status,
    title: article.title,
    dek: article.dek,
    slug: article.slug,
    body: article.body,
    sectionId: article.sectionId,
    issueId: article.issueId,
    access: article.access,
    accessTierIds: article.accessTierIds,
    authors,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    featuredImage: featured ? { id: featured.id, url: mediaFileUrl({ id: featured.id, storedPath: featured.originalPath }), alt: featured.alt } : null,
    wordCount: article.wordCount,
    updatedAt: article.updatedAt.toISOString(),
    isPublished: article.publishedRevisionId !== null,
    canEdit,
    lockedReason: canEdit ? null : lockedReason(article.status),
    manualTags: db
      .select({ id: entities.id, kind: entities.kind, name: entities.name })
      .from(articleEntities)
      .innerJoin(entities, eq(entities.id, articleEntities.entityId))
      .where(and(eq(articleEntities.articleId, id), eq(articleEntities.source, 'manual')))
      .orderBy(asc(entities.name))
      .all(),
  };
}

export function getEditorOptions(): EditorOptions {
  const db = getDb();
  return {
    sections: db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position)).all(),
    issues: db.select({ id: issues.id, title: issues.title }).from(issues).orderBy(desc(issues.coverDate)).all(),
    contributors: db
      .select({ id: contributors.id, name: contributors.name, userId: contributors.userId, reviewStatus: contributors.reviewStatus })
      .from(contributors)
      .orderBy(asc(contributors.name))
      .all()
      .map(toBylineContributor),
    tiers: db.select({ id: membershipTiers.id, name: membershipTiers.name }).from(membershipTiers).orderBy(asc(membershipTiers.position), asc(membershipTiers.name)).all(),
  };
}
