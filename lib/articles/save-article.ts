import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articleAuthors,
  articleEntities,
  entities,
  entityIdRedirects,
  articles,
  articleSlugHistory,
  contributors,
  issues,
  media,
  membershipTiers,
  revisions,
  sections,
  type Article,
  type RevisionMeta,
} from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { mentionedEntities } from '@/lib/content/mentioned-entities';
import { rewriteEntityMentions } from '@/lib/entities/rewrite-entity-mentions';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { can, ForbiddenError } from '@/lib/staff/auth/policy';
import { isOwnArticle, loadArticleFor } from './article-access';
import { canEditInState, lockedReason } from './workflow';
import { saveRequestSchema, type ArticleDraft, type SaveRequest } from './article-draft-schema';
import { stableJsonKey } from '@/lib/content/stable-json-key';

/** Autosaves by one writer within this window fold into one revision. */
export const AUTOSAVE_COALESCE_MS = 5 * 60 * 1000;

export type ServerCopy = {
  version: number;
  title: string;
  dek: string;
  slug: string;
  body: JSONContent;
  html: string;
  updatedAt: string;
  updatedBy: string | null;
  /** The version was saved by the person whose save was refused (from another tab or device, unless `isSameEditor`). */
  isSameStaff: boolean;
  /** ...and from the very editor whose save was refused (a save sent on leaving the page, for one). */
  isSameEditor: boolean;
};

export type SaveResult =
  | { ok: true; version: number; revisionId: number; savedAt: string; slug: string; wordCount: number; isCoalesced: boolean; issueId: number | null }
  | { ok: false; kind: 'conflict'; error: string; current: ServerCopy }
  | { ok: false; kind: 'invalid'; error: string; fieldErrors?: Record<string, string> };

/**
 * Saves the whole editable state of an article on top of the version the writer started from.
 * A stale `baseVersion` is refused with the server's copy, so nothing is overwritten unseen.
 * `reason: 'conflict'` files the writer's text as a revision without touching the working copy
 * (used when they take the other version, so theirs stays in the history).
 * Throws NotFound/Forbidden for articles the actor may not edit.
 */
export function saveArticle({
  id,
  actor,
  input,
  now = Date.now(),
  restoring,
}: {
  id: number;
  actor: StaffIdentity;
  input: unknown;
  now?: number;
  /** Set by restoreRevision: the new revision is recorded as a restore of this version. */
  restoring?: { version: number };
}): SaveResult {
  const current = loadArticleFor({ id, actor, action: 'article.edit' });
  if (!canEditInState({ status: current.status, role: actor.role, isOwn: isOwnArticle({ article: current, actor }) })) {
    throw new ForbiddenError(lockedReason(current.status));
  }
  const parsed = saveRequestSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'form'] ??= issue.message;
    return { ok: false, kind: 'invalid', error: Object.values(fieldErrors)[0] ?? 'The article could not be saved.', fieldErrors };
  }
  const request = parsed.data;
  const validation = validateArticleDoc(request.body);
  if (!validation.ok) return { ok: false, kind: 'invalid', error: validation.message, fieldErrors: { body: validation.message } };
  const doc = followMergedEntities(validation.doc);
  const derived = deriveArticleText(doc);

  const db = getDb();
  return db.transaction((tx): SaveResult => {
    const article = tx.select().from(articles).where(eq(articles.id, id)).get()!;
    const referenceError = checkReferences(tx, request) ?? checkEntities(tx, { doc, manualEntityIds: request.manualEntityIds });
    if (referenceError) return { ok: false, kind: 'invalid', ...referenceError };
    const accessError = checkAccess(tx, request);
    if (accessError) return { ok: false, kind: 'invalid', ...accessError };
    const issueId = isIssueUntouched(tx, { articleId: id, baseVersion: request.baseVersion, issueId: request.issueId }) ? article.issueId : request.issueId;
    const meta: RevisionMeta = {
      sectionId: request.sectionId,
      issueId,
      authorContributorIds: request.authorContributorIds,
      seoTitle: request.seoTitle,
      seoDescription: request.seoDescription,
      featuredMediaId: request.featuredMediaId,
      ...(request.editorId ? { editorId: request.editorId } : {}),
    };
    const snapshot = {
      slug: request.slug,
      title: request.title,
      dek: request.dek,
      body: doc,
      bodyText: derived.text,
      wordCount: derived.wordCount,
      meta,
    };

    if (request.reason === 'conflict') {
      const revision = tx
        .insert(revisions)
        .values({ articleId: id, version: article.version, ...snapshot, reason: 'conflict', note: `Kept aside from version ${request.baseVersion}`, authorId: actor.id, updatedAt: now })
        .returning({ id: revisions.id })
        .get();
      return { ok: true, version: article.version, revisionId: revision.id, savedAt: new Date(now).toISOString(), slug: article.slug, wordCount: derived.wordCount, isCoalesced: false, issueId: article.issueId };
    }

    if (article.version !== request.baseVersion) {
      return { ok: false, kind: 'conflict', error: 'Someone else saved this article after you opened it.', current: serverCopy(tx, { article, actor, editorId: request.editorId }) };
    }

    // Filing into an issue is the editors' planning; an author's save may carry their choice back, not change it.
    if (issueId !== article.issueId && !can({ role: actor.role, action: 'issue.manage' })) {
      return {
        ok: false,
        kind: 'invalid',
        error: 'Only an editor can choose the issue an article appears in; ask one to file it.',
        fieldErrors: { issueId: 'Only an editor can choose the issue.' },
      };
    }

    const slugError = claimSlug(tx, { articleId: id, slug: request.slug, previous: article.slug });
    if (slugError) return { ok: false, kind: 'invalid', error: slugError, fieldErrors: { slug: slugError } };

    const version = article.version + 1;
    tx.update(articles)
      .set({
        title: request.title,
        dek: request.dek,
        slug: request.slug,
        body: doc,
        bodyText: derived.text,
        wordCount: derived.wordCount,
        excerpt: derived.excerpt,
        sectionId: request.sectionId,
        issueId,
        seoTitle: request.seoTitle,
        seoDescription: request.seoDescription,
        featuredMediaId: request.featuredMediaId,
        ...accessChangeOf(tx, { article, request, issueId }),
        version,
        updatedAt: new Date(now),
      })
      .where(eq(articles.id, id))
      .run();
    replaceAuthors(tx, { articleId: id, contributorIds: request.authorContributorIds });
    replaceTags(tx, { articleId: id, doc, manualEntityIds: request.manualEntityIds });

    const latest = tx.select().from(revisions).where(eq(revisions.articleId, id)).orderBy(desc(revisions.id)).limit(1).get();
    const isCoalesced =
      request.reason === 'autosave' &&
      !restoring &&
      latest !== undefined &&
      latest.reason === 'autosave' &&
      latest.authorId === actor.id &&
      now - latest.createdAt.getTime() < AUTOSAVE_COALESCE_MS;
    // A Save of exactly what this writer's last autosave holds (live, the server has just written it) marks that revision as saved.
    const isSavingLatest =
      request.reason === 'save' && !restoring && latest !== undefined && latest.reason === 'autosave' && latest.authorId === actor.id && isSameSnapshot(latest, snapshot);
    let revisionId: number;
    if (isCoalesced) {
      tx.update(revisions).set({ ...snapshot, version, updatedAt: now }).where(eq(revisions.id, latest.id)).run();
      revisionId = latest.id;
    } else if (isSavingLatest) {
      tx.update(revisions).set({ version, reason: 'save', updatedAt: now }).where(eq(revisions.id, latest.id)).run();
      revisionId = latest.id;
    } else {
      revisionId = tx
        .insert(revisions)
        .values({
          articleId: id,
          version,
          ...snapshot,
          reason: restoring ? 'restore' : request.reason,
          note: restoring ? `Restored version ${restoring.version}` : '',
          authorId: actor.id,
          createdAt: new Date(now),
          updatedAt: now,
        })
        .returning({ id: revisions.id })
        .get().id;
    }
    return { ok: true, version, revisionId, savedAt: new Date(now).toISOString(), slug: request.slug, wordCount: derived.wordCount, isCoalesced: isCoalesced || isSavingLatest, issueId };
  });
}

type RevisionSnapshot = { slug: string; title: string; dek: string; body: unknown; bodyText: string; meta: unknown };

function isSameSnapshot(revision: RevisionSnapshot, snapshot: RevisionSnapshot): boolean {
  return (
    revision.slug === snapshot.slug &&
    revision.title === snapshot.title &&
    revision.dek === snapshot.dek &&
    revision.bodyText === snapshot.bodyText &&
    stableJsonKey(revision.body) === stableJsonKey(snapshot.body) &&
    stableJsonKey(revision.meta) === stableJsonKey(snapshot.meta)
  );
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

/**
 * The issue planner files articles into issues without making a new version of their text. A writer
 * who sends the issue the article had at the version they built on has not touched the Issue field,
 * so the planner's choice stands rather than being overwritten by what their page was opened with.
 */
function isIssueUntouched(tx: Tx, { articleId, baseVersion, issueId }: { articleId: number; baseVersion: number; issueId: number | null }): boolean {
  const base = tx
    .select({ meta: revisions.meta })
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), eq(revisions.version, baseVersion), ne(revisions.reason, 'conflict')))
    .orderBy(desc(revisions.id))
    .limit(1)
    .get();
  return base !== undefined && (base.meta.issueId ?? null) === issueId;
}

/**
 * The access fields a save writes: the level the editor chose, or, for a never-published article
 * with no level chosen that is filed into an issue now, the issue's default.
 */
function accessChangeOf(tx: Tx, { article, request, issueId }: { article: Article; request: SaveRequest; issueId: number | null }): Partial<Pick<Article, 'access' | 'accessTierIds'>> {
  if (request.access) return { access: request.access, accessTierIds: request.access === 'tiers' ? [...new Set(request.accessTierIds ?? [])] : [] };
  if (issueId === null || issueId === article.issueId || article.publishedRevisionId !== null || article.access !== 'public') return {};
  const issue = tx.select({ defaultAccess: issues.defaultAccess }).from(issues).where(eq(issues.id, issueId)).get();
  return issue?.defaultAccess && issue.defaultAccess !== 'tiers' ? { access: issue.defaultAccess } : {};
}

/** A tiers level names at least one tier, and every tier it names exists. */
function checkAccess(tx: Tx, draft: ArticleDraft): { error: string; fieldErrors: Record<string, string> } | null {
  if (draft.access !== 'tiers') return null;
  const tierIds = [...new Set(draft.accessTierIds ?? [])];
  if (tierIds.length === 0) {
    return { error: 'Choose at least one tier whose members may read the article, or pick another access level.', fieldErrors: { accessTierIds: 'Choose at least one tier.' } };
  }
  const found = tx.select({ id: membershipTiers.id }).from(membershipTiers).where(inArray(membershipTiers.id, tierIds)).all();
  if (found.length !== tierIds.length) {
    return { error: 'One of the chosen tiers no longer exists; choose again.', fieldErrors: { accessTierIds: 'Choose existing tiers.' } };
  }
  return null;
}

function checkReferences(tx: Tx, draft: ArticleDraft): { error: string; fieldErrors: Record<string, string> } | null {
  if (draft.sectionId !== null && !tx.select({ id: sections.id }).from(sections).where(eq(sections.id, draft.sectionId)).get()) {
    return { error: 'That section no longer exists; choose another.', fieldErrors: { sectionId: 'Choose an existing section.' } };
  }
  if (draft.issueId !== null && !tx.select({ id: issues.id }).from(issues).where(eq(issues.id, draft.issueId)).get()) {
    return { error: 'That issue no longer exists; choose another.', fieldErrors: { issueId: 'Choose an existing issue.' } };
  }
  if (new Set(draft.authorContributorIds).size !== draft.authorContributorIds.length) {
    return { error: 'An author is listed twice.', fieldErrors: { authorContributorIds: 'Each author can appear once.' } };
  }
  if (draft.authorContributorIds.length > 0) {
    const found = tx.select({ id: contributors.id }).from(contributors).where(inArray(contributors.id, draft.authorContributorIds)).all();
    if (found.length !== draft.authorContributorIds.length) {
      return { error: 'One of the authors no longer exists.', fieldErrors: { authorContributorIds: 'Choose existing contributors.' } };
    }
  }
  if (draft.featuredMediaId !== null && !tx.select({ id: media.id }).from(media).where(eq(media.id, draft.featuredMediaId)).get()) {
    return { error: 'The featured image no longer exists.', fieldErrors: { featuredMediaId: 'Choose another image.' } };
  }
  return null;
}

/** Mentions of an entity merged into another while the writer had the article open now name the survivor. */
function followMergedEntities(doc: JSONContent): JSONContent {
  const ids = mentionedEntities(doc).map((mention) => mention.entityId);
  if (ids.length === 0) return doc;
  const redirects = getDb().select().from(entityIdRedirects).where(inArray(entityIdRedirects.oldId, ids)).all();
  return redirects.reduce((current, redirect) => rewriteEntityMentions({ doc: current, fromId: redirect.oldId, toId: redirect.entityId }).doc, doc);
}

function checkEntities(
  tx: Tx,
  { doc, manualEntityIds }: { doc: JSONContent; manualEntityIds: number[] | undefined },
): { error: string; fieldErrors: Record<string, string> } | null {
  const mentions = mentionedEntities(doc);
  const wanted = [...new Set([...mentions.map((mention) => mention.entityId), ...(manualEntityIds ?? [])])];
  if (wanted.length === 0) return null;
  const known = new Set(tx.select({ id: entities.id }).from(entities).where(inArray(entities.id, wanted)).all().map((row) => row.id));
  const missingMention = mentions.find((mention) => !known.has(mention.entityId));
  if (missingMention) {
    const error = `"${missingMention.label}" is tagged with an entity that no longer exists; tag it again or remove the tag.`;
    return { error, fieldErrors: { body: error } };
  }
  if ((manualEntityIds ?? []).some((entityId) => !known.has(entityId))) {
    return { error: 'One of the tags no longer exists; remove it.', fieldErrors: { manualEntityIds: 'Remove tags that no longer exist.' } };
  }
  return null;
}

/** The article's tags: every entity mentioned in the text, plus those added by hand. */
function replaceTags(tx: Tx, { articleId, doc, manualEntityIds }: { articleId: number; doc: JSONContent; manualEntityIds: number[] | undefined }): void {
  const manual =
    manualEntityIds ??
    tx
      .select({ entityId: articleEntities.entityId })
      .from(articleEntities)
      .where(and(eq(articleEntities.articleId, articleId), eq(articleEntities.source, 'manual')))
      .all()
      .map((row) => row.entityId);
  const mentioned = new Set(mentionedEntities(doc).map((mention) => mention.entityId));
  tx.delete(articleEntities).where(eq(articleEntities.articleId, articleId)).run();
  for (const entityId of mentioned) tx.insert(articleEntities).values({ articleId, entityId, source: 'mention' }).run();
  for (const entityId of new Set(manual)) {
    if (!mentioned.has(entityId)) tx.insert(articleEntities).values({ articleId, entityId, source: 'manual' }).run();
  }
}

/** Takes a slug for this article; the old one is kept so its links keep working. */
function claimSlug(tx: Tx, { articleId, slug, previous }: { articleId: number; slug: string; previous: string }): string | null {
  if (slug === previous) return null;
  const taken = tx.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, slug), ne(articles.id, articleId))).get();
  const formerly = tx.select({ articleId: articleSlugHistory.articleId }).from(articleSlugHistory).where(eq(articleSlugHistory.slug, slug)).get();
  if (taken || (formerly && formerly.articleId !== articleId)) {
    return `The slug "${slug}" is already used by another article; choose another.`;
  }
  if (formerly) tx.delete(articleSlugHistory).where(eq(articleSlugHistory.slug, slug)).run();
  tx.insert(articleSlugHistory).values({ slug: previous, articleId }).onConflictDoNothing().run();
  return null;
}

function replaceAuthors(tx: Tx, { articleId, contributorIds }: { articleId: number; contributorIds: number[] }): void {
  tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId)).run();
  contributorIds.forEach((contributorId, position) => {
    tx.insert(articleAuthors).values({ articleId, contributorId, position }).run();
  });
}

/** The working copy as it stands, with who saved this version: the newest revision of it that is not a text kept aside. */
function serverCopy(tx: Tx, { article, actor, editorId }: { article: typeof articles.$inferSelect; actor: StaffIdentity; editorId: string | undefined }): ServerCopy {
  const saved = tx
    .select({ authorId: revisions.authorId, meta: revisions.meta })
    .from(revisions)
    .where(and(eq(revisions.articleId, article.id), eq(revisions.version, article.version), ne(revisions.reason, 'conflict')))
    .orderBy(desc(revisions.id))
    .limit(1)
    .get();
  const updatedBy = saved?.authorId
    ? (tx.select({ name: contributors.name }).from(contributors).where(eq(contributors.userId, saved.authorId)).get()?.name ?? null)
    : null;
  const isSameStaff = saved?.authorId === actor.id;
  return {
    version: article.version,
    title: article.title,
    dek: article.dek,
    slug: article.slug,
    body: article.body,
    html: renderArticleHtml(article.body),
    updatedAt: article.updatedAt.toISOString(),
    updatedBy,
    isSameStaff,
    isSameEditor: isSameStaff && editorId !== undefined && saved?.meta.editorId === editorId,
  };
}
