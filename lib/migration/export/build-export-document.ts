import 'server-only';
import { asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articleAuthors,
  articleCorrections,
  articleEntities,
  articles,
  articleSlugHistory,
  contributors,
  entities,
  entityAliases,
  entityIdRedirects,
  entityRedirects,
  issues,
  media,
  navigationItems,
  pages,
  publishedArticleAuthors,
  publishedArticleEntities,
  redirects,
  revisions,
  sections,
} from '@/db/schema';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { buildAccessExport } from './export-access';
import { EXPORT_SCHEMA_VERSION, type ExportedArticle, type MastheadExport } from './export-schema';

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

function groupBy<Row, Key>(rows: Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Reads the whole public site into the export document; nothing about staff accounts is read. */
export function buildExportDocument({ now = new Date(), wordpressFile }: { now?: Date; wordpressFile?: string } = {}): MastheadExport {
  const db = getDb();
  const { siteName, timeZone, linkedEntityKinds } = getSiteSettings();

  const aliases = groupBy(db.select().from(entityAliases).orderBy(asc(entityAliases.id)).all(), (row) => row.entityId);
  const entityMoves = groupBy(db.select().from(entityRedirects).orderBy(asc(entityRedirects.kind), asc(entityRedirects.slug)).all(), (row) => row.entityId);
  const mergedIds = groupBy(db.select().from(entityIdRedirects).orderBy(asc(entityIdRedirects.oldId)).all(), (row) => row.entityId);

  const articleRows = db.select().from(articles).orderBy(asc(articles.id)).all();
  const authors = groupBy(db.select().from(articleAuthors).orderBy(asc(articleAuthors.position), asc(articleAuthors.contributorId)).all(), (row) => row.articleId);
  const publishedAuthors = groupBy(
    db.select().from(publishedArticleAuthors).orderBy(asc(publishedArticleAuthors.position), asc(publishedArticleAuthors.contributorId)).all(),
    (row) => row.articleId,
  );
  const tags = groupBy(db.select().from(articleEntities).orderBy(asc(articleEntities.entityId)).all(), (row) => row.articleId);
  const publishedTags = groupBy(db.select().from(publishedArticleEntities).orderBy(asc(publishedArticleEntities.entityId)).all(), (row) => row.articleId);
  const corrections = groupBy(db.select().from(articleCorrections).orderBy(asc(articleCorrections.id)).all(), (row) => row.articleId);
  const slugHistory = groupBy(db.select().from(articleSlugHistory).orderBy(asc(articleSlugHistory.createdAt), asc(articleSlugHistory.slug)).all(), (row) => row.articleId);
  // Only the revisions a public page reads: the published snapshot and any a correction points at.
  const neededRevisionIds = [
    ...articleRows.flatMap((row) => (row.publishedRevisionId ? [row.publishedRevisionId] : [])),
    ...[...corrections.values()].flat().flatMap((row) => (row.revisionId ? [row.revisionId] : [])),
  ];
  const revisionRows = groupBy(
    neededRevisionIds.length ? db.select().from(revisions).where(inArray(revisions.id, [...new Set(neededRevisionIds)])).orderBy(asc(revisions.id)).all() : [],
    (row) => row.articleId,
  );
  const exportedRevisionIds = new Set([...revisionRows.values()].flat().map((row) => row.id));

  const tocOrder = db
    .select({ id: articles.id, issueId: articles.issueId, sectionPosition: sections.position })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(isNotNull(articles.issueId))
    .orderBy(asc(sections.position), asc(articles.issuePosition), asc(articles.id))
    .all();
  const toc = groupBy(tocOrder, (row) => row.issueId);

  const exportedArticles: ExportedArticle[] = articleRows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    body: row.body as ExportedArticle['body'],
    bodyText: row.bodyText,
    wordCount: row.wordCount,
    excerpt: row.excerpt,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    featuredMediaId: row.featuredMediaId,
    sectionId: row.sectionId,
    issueId: row.issueId,
    issuePosition: row.issuePosition,
    status: row.status,
    version: row.version,
    publishedRevisionId: row.publishedRevisionId,
    firstPublishedAt: isoOrNull(row.firstPublishedAt),
    publishedAt: isoOrNull(row.publishedAt),
    modifiedAt: isoOrNull(row.modifiedAt),
    publishedSectionId: row.publishedSectionId,
    publishedIssueId: row.publishedIssueId,
    scheduledFor: isoOrNull(row.scheduledFor),
    embargoedUntil: isoOrNull(row.embargoedUntil),
    unpublishedAt: isoOrNull(row.unpublishedAt),
    access: row.access,
    accessTierIds: row.accessTierIds,
    publishedAccess: row.publishedAccess,
    publishedAccessTierIds: row.publishedAccessTierIds,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    authorIds: (authors.get(row.id) ?? []).map((author) => author.contributorId),
    publishedAuthorIds: (publishedAuthors.get(row.id) ?? []).map((author) => author.contributorId),
    entityTags: (tags.get(row.id) ?? []).map((tag) => ({ entityId: tag.entityId, source: tag.source })),
    publishedEntityIds: (publishedTags.get(row.id) ?? []).map((tag) => tag.entityId),
    revisions: (revisionRows.get(row.id) ?? []).map((revision) => {
      // The open editor tab that saved it means nothing on another install.
      const meta = { ...revision.meta };
      delete meta.editorId;
      return {
        id: revision.id,
        version: revision.version,
        slug: revision.slug,
        title: revision.title,
        dek: revision.dek,
        body: revision.body as ExportedArticle['body'],
        bodyText: revision.bodyText,
        wordCount: revision.wordCount,
        meta,
        reason: revision.reason,
        note: revision.note,
        createdAt: iso(revision.createdAt),
        updatedAt: revision.updatedAt,
      };
    }),
    corrections: (corrections.get(row.id) ?? []).map((correction) => ({
      id: correction.id,
      revisionId: correction.revisionId && exportedRevisionIds.has(correction.revisionId) ? correction.revisionId : null,
      kind: correction.kind,
      note: correction.note,
      createdAt: iso(correction.createdAt),
    })),
    slugHistory: (slugHistory.get(row.id) ?? []).map((old) => ({ slug: old.slug, createdAt: iso(old.createdAt) })),
  }));

  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    generator: 'masthead',
    settings: { siteName, timeZone, linkedEntityKinds },
    sections: db
      .select()
      .from(sections)
      .orderBy(asc(sections.id))
      .all()
      .map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    contributors: db
      .select()
      .from(contributors)
      .orderBy(asc(contributors.id))
      .all()
      .map(({ userId, addedBy: _addedBy, ...row }) => ({ ...row, wasStaff: userId !== null, createdAt: iso(row.createdAt) })),
    entities: db
      .select()
      .from(entities)
      .orderBy(asc(entities.id))
      .all()
      .map((row) => ({
        ...row,
        aliases: (aliases.get(row.id) ?? []).map(({ id, alias, normalized }) => ({ id, alias, normalized })),
        redirects: (entityMoves.get(row.id) ?? []).map(({ kind, slug, createdAt }) => ({ kind, slug, createdAt: iso(createdAt) })),
        mergedIds: (mergedIds.get(row.id) ?? []).map(({ oldId, createdAt }) => ({ oldId, createdAt: iso(createdAt) })),
        createdAt: iso(row.createdAt),
        updatedAt: iso(row.updatedAt),
      })),
    media: db
      .select()
      .from(media)
      .orderBy(asc(media.id))
      .all()
      .map(({ uploadedBy: _uploadedBy, ...row }) => ({ ...row, createdAt: iso(row.createdAt) })),
    issues: db
      .select()
      .from(issues)
      .orderBy(asc(issues.id))
      .all()
      .map((row) => ({
        ...row,
        editorsNoteBody: row.editorsNoteBody as ExportedArticle['body'] | null,
        publishedAt: isoOrNull(row.publishedAt),
        articleIds: (toc.get(row.id) ?? []).map((entry) => entry.id),
        createdAt: iso(row.createdAt),
        updatedAt: iso(row.updatedAt),
      })),
    articles: exportedArticles,
    pages: db
      .select()
      .from(pages)
      .orderBy(asc(pages.id))
      .all()
      .map(({ createdBy: _createdBy, updatedBy: _updatedBy, ...row }) => ({
        ...row,
        body: row.body as ExportedArticle['body'],
        publishedBody: row.publishedBody as ExportedArticle['body'] | null,
        publishedAt: isoOrNull(row.publishedAt),
        createdAt: iso(row.createdAt),
        updatedAt: iso(row.updatedAt),
      })),
    navigation: db
      .select()
      .from(navigationItems)
      .orderBy(asc(navigationItems.menu), asc(navigationItems.position), asc(navigationItems.id))
      .all()
      .map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    redirects: db
      .select()
      .from(redirects)
      .orderBy(asc(redirects.id))
      .all()
      .map(({ createdBy: _createdBy, ...row }) => ({ ...row, lastHitAt: isoOrNull(row.lastHitAt), createdAt: iso(row.createdAt) })),
    ...buildAccessExport(db),
    files: { subscribers: 'subscribers.csv', redirects: 'redirects.csv', media: 'media/', ...(wordpressFile ? { wordpress: wordpressFile } : {}) },
  };
}
