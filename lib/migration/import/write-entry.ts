import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { articleAuthors, articleEntities, articles, articleSlugHistory, pages, revisions, type AccessLevel, type ArticleStatus, type RevisionMeta } from '@/db/schema';
import { findOrCreateTier } from '@/lib/access/tiers/find-or-create-tier';
import { clearPublishedSnapshot, writePublishedSnapshot } from '@/lib/articles/published-snapshot';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { htmlToArticleDoc, listImages } from '@/lib/content/html-to-article-doc';
import { preparedQuery } from '@/db/prepared-query';
import { claim, findMapped, plannedClaim, recordMapped, referenceTo, warn, type ImportContext, type ImportTx, type ItemOutcome } from './import-context';
import { figureImage, imageAddress, resolveImage, shownAddress, type ImageResolution } from './import-media';
import type { ImportedEntry } from './import-model';
import { importedSlug, unusableSlugMessage } from './imported-slug';
import { RESERVED_PAGE_SLUGS } from './reserved-page-slugs';
import { freeValue } from './write-people-and-terms';
import { writeRedirects } from './write-redirects';

const MAX_TITLE = 300;

/** The images an entry needs, brought into the media library before its transaction (fetching cannot wait inside one). */
export type EntryImages = {
  inline: Map<string, { url: string | null; resolution: ImageResolution }>;
  featured: { label: string; resolution: ImageResolution } | null;
};

export async function prepareEntryImages(context: ImportContext, item: ImportedEntry): Promise<EntryImages> {
  const inline: EntryImages['inline'] = new Map();
  for (const image of listImages(item.html)) {
    const url = imageAddress(context, image.src);
    const resolution: ImageResolution = url ? await resolveImage(context, { url, alt: image.alt, caption: image.caption }) : { ok: false, reason: 'it is not a web address' };
    inline.set(image.src, { url, resolution });
  }
  return { inline, featured: await prepareFeatured(context, item) };
}

async function prepareFeatured(context: ImportContext, item: ImportedEntry): Promise<EntryImages['featured']> {
  const featured = item.featuredImage;
  if (!featured) return null;
  if (featured.mediaSourceId) {
    const mapped = findMapped(context, 'media', featured.mediaSourceId);
    if (mapped) return { label: `attachment ${featured.mediaSourceId}`, resolution: { ok: true, mediaId: mapped.targetId } };
    if (plannedClaim(context, 'source', `media:${featured.mediaSourceId}`) !== undefined) {
      return { label: `attachment ${featured.mediaSourceId}`, resolution: { ok: true, planned: { width: 1, height: 1 } } };
    }
  }
  const url = featured.url ? imageAddress(context, featured.url) : null;
  if (!url) return { label: featured.url ?? `attachment ${featured.mediaSourceId ?? ''}`, resolution: { ok: false, reason: 'it was not among the imported images' } };
  return { label: shownAddress(url), resolution: await resolveImage(context, { url, alt: featured.alt, caption: featured.caption }) };
}

/** A post becomes an article and a page a standalone page, each in the status it had (never public when it was not). */
export function writeEntry(tx: ImportTx, context: ImportContext, { item, hash, images }: { item: ImportedEntry; hash: string; images: EntryImages }): ItemOutcome {
  const mapped = findMapped(context, item.kind, item.sourceId);
  if (mapped && mapped.contentHash === hash) return 'unchanged';
  for (const readerWarning of item.warnings) context.warnings.push({ item: readerWarning.item || context.itemLabel, message: readerWarning.message });
  const doc = bodyOf(context, item, images);
  return item.kind === 'post' ? writeArticle(tx, context, { item, doc, hash, images, mappedId: mapped?.targetId }) : writePage(tx, context, { item, doc, hash, mappedId: mapped?.targetId });
}

function bodyOf(context: ImportContext, item: ImportedEntry, images: EntryImages): JSONContent {
  const { doc, dropped } = htmlToArticleDoc(item.html, {
    resolveImage: (src) => {
      const known = images.inline.get(src);
      return known ? figureImage(known.resolution) : null;
    },
  });
  for (const description of dropped) {
    const src = description.startsWith('the image ') ? description.slice('the image '.length) : null;
    const known = src === null ? undefined : images.inline.get(src);
    if (known && !known.resolution.ok) warn(context, `The image ${known.url ? shownAddress(known.url) : src} could not be had: ${known.resolution.reason}. Its figure is left out.`);
    else warn(context, `Left out of the body: ${description}.`);
  }
  return doc;
}

type EntryPlan = { status: ArticleStatus; publishedAt: Date | null; scheduledFor: Date | null };

/** The status here: the source's, except that nothing not public there is public here. */
/** The source's access in this site's terms; tiers are matched by name, and a missing one is created with what the source says of it. */
function accessOf(tx: ImportTx, context: ImportContext, item: ImportedEntry): { access: AccessLevel; accessTierIds: number[] } {
  const access = item.access;
  if (!access) return { access: 'public', accessTierIds: [] };
  if (access.level !== 'tiers') return { access: access.level, accessTierIds: [] };
  const tiers = access.tiers.filter((tier) => tier.name.trim()).map((tier) => ({ tier, ...findOrCreateTier(tx, tier) }));
  if (tiers.length === 0) return { access: 'members', accessTierIds: [] };
  const created = tiers.filter((tier) => tier.isNew).map(({ tier }) => tier.name.trim());
  if (created.length > 0) warn(context, `No tier here was named ${created.join(', ')}: created from the source's details; check prices and benefits at /desk/members/tiers.`);
  return { access: 'tiers', accessTierIds: [...new Set(tiers.map((tier) => tier.id))] };
}

function planStatus(context: ImportContext, item: ImportedEntry): EntryPlan {
  if (item.notPublicBecause) {
    warn(context, `Imported as a draft and not public, because ${item.notPublicBecause}.`);
    return { status: 'draft', publishedAt: null, scheduledFor: null };
  }
  if (item.status === 'published') {
    if (!item.publishedAt) warn(context, 'The source gives no publication date; the date of its last change (or today) is used.');
    return { status: 'published', publishedAt: item.publishedAt ?? item.modifiedAt ?? item.createdAt ?? new Date(), scheduledFor: null };
  }
  if (item.status === 'scheduled') {
    if (item.publishedAt) return { status: 'scheduled', publishedAt: null, scheduledFor: item.publishedAt };
    warn(context, 'Scheduled at the source without a date; imported as a draft.');
    return { status: 'draft', publishedAt: null, scheduledFor: null };
  }
  return { status: item.status, publishedAt: null, scheduledFor: null };
}

function writeArticle(
  tx: ImportTx,
  context: ImportContext,
  { item, doc, hash, images, mappedId }: { item: ImportedEntry; doc: JSONContent; hash: string; images: EntryImages; mappedId: number | undefined },
): ItemOutcome {
  const existing = mappedId === undefined ? undefined : tx.select().from(articles).where(eq(articles.id, mappedId)).get();
  if (existing && wasEditedHere(tx, existing.id)) {
    warn(context, `Changed at the source, but edited here since it was imported; /articles/${existing.slug} was left as it is.`);
    return 'skipped';
  }
  const plan = planStatus(context, item);
  const title = item.title.trim().slice(0, MAX_TITLE) || 'Untitled';
  const derived = deriveArticleText(doc);
  const authorIds = referencedIds(context, 'author', item.authorSourceIds, (sourceId) => `The author ${sourceId} is not in this import; the byline leaves them out.`);
  const sectionId = firstReferencedId(context, item);
  const entityIds = referencedIds(context, 'tag', item.tagSourceIds, null);
  const featuredMediaId = featuredId(context, images.featured);
  const createdAt = item.createdAt ?? plan.publishedAt ?? plan.scheduledFor ?? new Date();
  const modifiedAt = item.modifiedAt && item.modifiedAt > createdAt ? item.modifiedAt : createdAt;
  const fields = {
    title,
    dek: item.dek.trim(),
    body: doc,
    bodyText: derived.text,
    wordCount: derived.wordCount,
    excerpt: derived.excerpt,
    seoTitle: item.seoTitle?.trim() ?? '',
    seoDescription: item.seoDescription?.trim() ?? '',
    featuredMediaId,
    sectionId,
    status: plan.status,
    scheduledFor: plan.scheduledFor,
    updatedAt: modifiedAt,
    ...accessOf(tx, context, item),
  };

  let articleId: number;
  let slug: string;
  let version: number;
  const wasPublic = existing?.status === 'published';
  if (existing) {
    articleId = existing.id;
    slug = existing.slug;
    version = existing.version + 1;
    tx.update(articles).set({ ...fields, version }).where(eq(articles.id, articleId)).run();
    tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId)).run();
    tx.delete(articleEntities).where(eq(articleEntities.articleId, articleId)).run();
  } else {
    const { wanted, unusable } = importedSlug({ slug: item.slug, name: title, kind: item.kind, sourceId: item.sourceId });
    slug = freeValue(wanted, (candidate) => isArticleSlugTaken(context, candidate));
    if (unusable) warn(context, unusableSlugMessage(unusable, `/articles/${slug}`));
    else if (slug !== wanted) warn(context, `The address /articles/${wanted} belongs to another article; this one is imported at /articles/${slug}.`);
    version = 1;
    articleId = tx
      .insert(articles)
      .values({ ...fields, slug, version, createdBy: context.actorId, createdAt })
      .returning({ id: articles.id })
      .get().id;
    claim(context, 'article-slug', slug, slug);
  }
  if (authorIds.length > 0) tx.insert(articleAuthors).values(authorIds.map((contributorId, position) => ({ articleId, contributorId, position }))).run();
  if (entityIds.length > 0) tx.insert(articleEntities).values(entityIds.map((entityId) => ({ articleId, entityId, source: 'manual' as const }))).run();
  const meta: RevisionMeta = {
    sectionId,
    issueId: existing?.issueId ?? null,
    authorContributorIds: authorIds,
    seoTitle: fields.seoTitle,
    seoDescription: fields.seoDescription,
    featuredMediaId,
    entityIds,
  };
  const revisionId = tx
    .insert(revisions)
    .values({
      articleId,
      version,
      slug,
      title,
      dek: fields.dek,
      body: doc,
      bodyText: derived.text,
      wordCount: derived.wordCount,
      meta,
      reason: 'import',
      note: `Imported from ${context.source}`,
      authorId: context.actorId,
      createdAt: existing ? new Date() : modifiedAt,
      updatedAt: Date.now(),
    })
    .returning({ id: revisions.id })
    .get().id;

  if (plan.status === 'published') {
    // An archive keeps its dates: first published when the source says, not on the day of the import.
    const publishedAt = plan.publishedAt!;
    tx.update(articles)
      .set({ publishedRevisionId: revisionId, publishedAt, firstPublishedAt: existing?.firstPublishedAt ?? publishedAt, modifiedAt: existing ? new Date() : modifiedAt, unpublishedAt: null })
      .where(eq(articles.id, articleId))
      .run();
    writePublishedSnapshot(tx, articleId);
  } else if (wasPublic) {
    clearPublishedSnapshot(tx, articleId);
  }
  if (plan.status === 'published' || wasPublic) context.changed.articleIds.add(articleId);
  recordMapped(tx, context, { sourceKind: 'post', sourceId: item.sourceId, targetKind: 'article', targetId: articleId, hash, path: `/articles/${slug}` });
  writeRedirects(tx, context, { oldUrls: item.oldUrls, toPath: `/articles/${slug}` });
  return existing ? 'updated' : 'created';
}

/** A save, submission or publication from the desk after the import: the desk's work wins over the source's. */
function wasEditedHere(tx: ImportTx, articleId: number): boolean {
  const latest = tx.select({ reason: revisions.reason }).from(revisions).where(and(eq(revisions.articleId, articleId), ne(revisions.reason, 'conflict'))).orderBy(desc(revisions.id)).limit(1).get();
  return latest !== undefined && latest.reason !== 'import';
}

function isArticleSlugTaken(context: ImportContext, slug: string): boolean {
  const current = preparedQuery('article-with-slug', (db) => db.select({ id: articles.id }).from(articles).where(eq(articles.slug, sql.placeholder('slug'))).prepare());
  const former = preparedQuery('article-once-at-slug', (db) =>
    db.select({ id: articleSlugHistory.articleId }).from(articleSlugHistory).where(eq(articleSlugHistory.slug, sql.placeholder('slug'))).prepare(),
  );
  return Boolean(current.get({ slug })) || Boolean(former.get({ slug })) || plannedClaim(context, 'article-slug', slug) !== undefined;
}

function referencedIds(context: ImportContext, sourceKind: string, sourceIds: string[], missing: ((sourceId: string) => string) | null): number[] {
  const ids: number[] = [];
  for (const sourceId of sourceIds) {
    const reference = referenceTo(context, sourceKind, sourceId);
    if (reference === null && missing) warn(context, missing(sourceId));
    if (reference !== null && reference !== 'planned' && !ids.includes(reference.id)) ids.push(reference.id);
  }
  return ids;
}

function firstReferencedId(context: ImportContext, item: ImportedEntry): number | null {
  for (const sourceId of item.sectionSourceIds) {
    const reference = referenceTo(context, 'section', sourceId);
    if (reference === 'planned') return null;
    if (reference) return reference.id;
  }
  if (item.sectionSourceIds.length > 0) warn(context, 'None of its categories is in this import; it has no section.');
  return null;
}

function featuredId(context: ImportContext, featured: EntryImages['featured']): number | null {
  if (!featured) return null;
  if (!featured.resolution.ok) {
    warn(context, `The featured image ${featured.label} could not be had: ${featured.resolution.reason}. The article has none.`);
    return null;
  }
  return 'mediaId' in featured.resolution ? featured.resolution.mediaId : null;
}

function writePage(tx: ImportTx, context: ImportContext, { item, doc, hash, mappedId }: { item: ImportedEntry; doc: JSONContent; hash: string; mappedId: number | undefined }): ItemOutcome {
  const existing = mappedId === undefined ? undefined : tx.select().from(pages).where(eq(pages.id, mappedId)).get();
  const plan = planStatus(context, item);
  if (plan.status === 'scheduled' || plan.status === 'in_review') warn(context, 'Pages are not scheduled or reviewed here; imported as a draft.');
  const isPublished = plan.status === 'published';
  const title = item.title.trim().slice(0, MAX_TITLE) || 'Untitled';
  const fields = {
    title,
    body: doc,
    seoDescription: item.seoDescription?.trim() ?? '',
    status: isPublished ? ('published' as const) : ('draft' as const),
    publishedTitle: isPublished ? title : null,
    publishedBody: isPublished ? doc : null,
    publishedAt: isPublished ? plan.publishedAt : null,
    updatedBy: context.actorId,
    updatedAt: item.modifiedAt ?? new Date(),
  };
  let slug: string;
  if (existing) {
    slug = existing.slug;
    tx.update(pages).set({ ...fields, version: existing.version + 1 }).where(eq(pages.id, existing.id)).run();
  } else {
    const { wanted, unusable } = importedSlug({ slug: item.slug, name: title, kind: item.kind, sourceId: item.sourceId });
    slug = freeValue(wanted, (candidate) => RESERVED_PAGE_SLUGS.has(candidate) || Boolean(tx.select({ id: pages.id }).from(pages).where(eq(pages.slug, candidate)).get()) || plannedClaim(context, 'page-slug', candidate) !== undefined);
    if (unusable) warn(context, unusableSlugMessage(unusable, `/${slug}`));
    else if (slug !== wanted) warn(context, `The address /${wanted} is already used on this site; the page is imported at /${slug}.`);
    mappedId = tx
      .insert(pages)
      .values({ ...fields, slug, createdBy: context.actorId, createdAt: item.createdAt ?? new Date() })
      .returning({ id: pages.id })
      .get().id;
    claim(context, 'page-slug', slug, slug);
  }
  if (isPublished || existing?.status === 'published') context.changed.isSiteWide = true;
  recordMapped(tx, context, { sourceKind: 'page', sourceId: item.sourceId, targetKind: 'page', targetId: mappedId!, hash, path: `/${slug}` });
  writeRedirects(tx, context, { oldUrls: item.oldUrls, toPath: `/${slug}` });
  return existing ? 'updated' : 'created';
}
