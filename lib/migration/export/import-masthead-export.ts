import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { getDb, getSqlite } from '@/db/client';
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
  institutions,
  issues,
  media,
  membershipTiers,
  navigationItems,
  pages,
  publishedArticleAuthors,
  publishedArticleEntities,
  redirects,
  revisions,
  sections,
  subscribers,
  ALERT_FREQUENCIES,
  SUBSCRIBER_STATUSES,
} from '@/db/schema';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';
import { getConfig } from '@/lib/platform/config/get-config';
import { updateSiteSettings } from '@/lib/platform/settings/site-settings';
import { rebuildSearchIndex } from '@/lib/site/search/rebuild-search-index';
import { restoreAccess } from './export-access';
import { mastheadExportSchema, type MastheadExport } from './export-schema';
import { EXPORT_DOCUMENT_FILE } from './export-site';

export type MastheadImportCounts = {
  sections: number;
  contributors: number;
  entities: number;
  issues: number;
  articles: number;
  revisions: number;
  pages: number;
  navigation: number;
  redirects: number;
  media: number;
  mediaFiles: number;
  subscribers: number;
};

const toDate = (value: string) => new Date(value);
const toDateOrNull = (value: string | null) => (value === null ? null : new Date(value));

const subscriberRowSchema = z.object({
  email: z.string().trim().toLowerCase().min(3),
  name: z.string().default(''),
  status: z.enum(SUBSCRIBER_STATUSES),
  wants_issue_email: z.enum(['yes', 'no']).transform((value) => value === 'yes'),
  alert_frequency: z.enum(ALERT_FREQUENCIES),
  confirmed_at: z.string(),
  unsubscribed_at: z.string(),
  created_at: z.string(),
});

function readDocument(folder: string): MastheadExport {
  const file = path.join(folder, EXPORT_DOCUMENT_FILE);
  if (!fs.existsSync(file)) throw new InvalidInputError(`This folder is not a Masthead export: ${EXPORT_DOCUMENT_FILE} is missing from ${folder}.`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidInputError(`${EXPORT_DOCUMENT_FILE} is not valid JSON (${(error as Error).message}); export the magazine again.`);
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== undefined && version !== 1) throw new InvalidInputError(`This export has schema version ${String(version)}; this version of Masthead reads version 1.`);
  const parsed = mastheadExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError(`${EXPORT_DOCUMENT_FILE} does not match the export schema at ${issue.path.join('.') || 'the top'}: ${issue.message}.`);
  }
  for (const article of parsed.data.articles) {
    for (const [label, body] of [['text', article.body], ...article.revisions.map((revision) => [`revision ${revision.id}`, revision.body] as const)] as const) {
      const check = validateArticleDoc(body);
      if (!check.ok) throw new InvalidInputError(`The article “${article.title}” (id ${article.id}) has a ${label} that is not valid: ${check.message}`);
    }
  }
  return parsed.data;
}

function refuseUnlessEmpty(): void {
  const db = getDb();
  const held = db.select({ value: count() }).from(articles).get()?.value ?? 0;
  if (held > 0) {
    throw new InvalidInputError(
      `This database already holds ${held} article${held === 1 ? '' : 's'}; a Masthead export is restored only into a new, empty database (set DATABASE_PATH to a new file and run it again).`,
    );
  }
  const other = [sections, contributors, entities, issues, media, pages, membershipTiers, institutions].reduce((total, table) => total + (db.select({ value: count() }).from(table).get()?.value ?? 0), 0);
  if (other > 0) {
    throw new InvalidInputError(
      'This database already holds sections, contributors, entities, issues, images, pages, membership tiers or institutions; a Masthead export is restored only into a new, empty database.',
    );
  }
}

/** Copies the export's image files into the media folder; a file already there is left as it is. */
function copyMediaFiles(folder: string, document: MastheadExport): number {
  const { mediaDir } = getConfig();
  const source = path.resolve(folder, document.files.media);
  let copied = 0;
  for (const item of document.media) {
    for (const stored of [item.originalPath, ...item.variants.map((variant) => variant.path)]) {
      const from = path.resolve(source, ...stored.split('/'));
      const to = path.resolve(mediaDir, ...stored.split('/'));
      // Paths come from a file someone handed us: nothing may land outside the two folders.
      if (!from.startsWith(source + path.sep) || !to.startsWith(mediaDir + path.sep) || !fs.existsSync(from)) continue;
      fs.mkdirSync(path.dirname(to), { recursive: true });
      if (!fs.existsSync(to)) fs.copyFileSync(from, to);
      copied += 1;
    }
  }
  return copied;
}

function readSubscribers(folder: string, document: MastheadExport) {
  const file = path.join(folder, document.files.subscribers);
  if (!fs.existsSync(file)) return [];
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as unknown[];
  return rows.map((row, index) => {
    const parsed = subscriberRowSchema.safeParse(row);
    if (!parsed.success) throw new InvalidInputError(`Line ${index + 2} of ${document.files.subscribers} is not a subscriber row: ${parsed.error.issues[0]!.message}.`);
    return parsed.data;
  });
}

/**
 * Restores a Masthead export (a folder) into an empty database, every record with its id, so the public
 * site reads the same. Staff accounts are not in an export: articles, images and pages keep no staff author.
 */
export function importMastheadExport(folder: string): MastheadImportCounts {
  const document = readDocument(folder);
  const subscriberRows = readSubscribers(folder, document);
  refuseUnlessEmpty();
  const sqlite = getSqlite();
  // Articles and their published revisions point at each other: the keys are checked once everything is in.
  sqlite.pragma('foreign_keys = OFF');
  try {
    getDb().transaction((tx) => {
      for (const row of document.sections) tx.insert(sections).values({ ...row, createdAt: toDate(row.createdAt) }).run();
      for (const row of document.contributors.map(({ wasStaff: _wasStaff, ...kept }) => kept)) tx.insert(contributors).values({ ...row, createdAt: toDate(row.createdAt) }).run();
      for (const { aliases, redirects: moves, mergedIds, ...row } of document.entities) {
        tx.insert(entities).values({ ...row, createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt) }).run();
        for (const alias of aliases) tx.insert(entityAliases).values({ ...alias, entityId: row.id }).run();
        for (const move of moves) tx.insert(entityRedirects).values({ ...move, entityId: row.id, createdAt: toDate(move.createdAt) }).run();
        for (const merged of mergedIds) tx.insert(entityIdRedirects).values({ ...merged, entityId: row.id, createdAt: toDate(merged.createdAt) }).run();
      }
      for (const row of document.media) tx.insert(media).values({ ...row, createdAt: toDate(row.createdAt) }).run();
      for (const row of document.issues.map(({ articleIds: _order, ...kept }) => kept)) {
        tx.insert(issues).values({ ...row, publishedAt: toDateOrNull(row.publishedAt), createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt) }).run();
      }
      for (const article of document.articles) {
        const { authorIds, publishedAuthorIds, entityTags, publishedEntityIds, revisions: kept, corrections, slugHistory, ...row } = article;
        tx.insert(articles)
          .values({
            ...row,
            firstPublishedAt: toDateOrNull(row.firstPublishedAt),
            publishedAt: toDateOrNull(row.publishedAt),
            modifiedAt: toDateOrNull(row.modifiedAt),
            scheduledFor: toDateOrNull(row.scheduledFor),
            embargoedUntil: toDateOrNull(row.embargoedUntil),
            unpublishedAt: toDateOrNull(row.unpublishedAt),
            createdAt: toDate(row.createdAt),
            updatedAt: toDate(row.updatedAt),
          })
          .run();
        for (const revision of kept) tx.insert(revisions).values({ ...revision, articleId: article.id, createdAt: toDate(revision.createdAt) }).run();
        authorIds.forEach((contributorId, position) => tx.insert(articleAuthors).values({ articleId: article.id, contributorId, position }).run());
        publishedAuthorIds.forEach((contributorId, position) => tx.insert(publishedArticleAuthors).values({ articleId: article.id, contributorId, position }).run());
        for (const tag of entityTags) tx.insert(articleEntities).values({ articleId: article.id, ...tag }).run();
        for (const entityId of publishedEntityIds) tx.insert(publishedArticleEntities).values({ articleId: article.id, entityId }).run();
        for (const correction of corrections) tx.insert(articleCorrections).values({ ...correction, articleId: article.id, createdAt: toDate(correction.createdAt) }).run();
        for (const old of slugHistory) tx.insert(articleSlugHistory).values({ ...old, articleId: article.id, createdAt: toDate(old.createdAt) }).run();
      }
      for (const row of document.pages) {
        tx.insert(pages).values({ ...row, publishedAt: toDateOrNull(row.publishedAt), createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt) }).run();
      }
      for (const row of document.navigation) tx.insert(navigationItems).values({ ...row, createdAt: toDate(row.createdAt) }).run();
      for (const row of document.redirects) tx.insert(redirects).values({ ...row, lastHitAt: toDateOrNull(row.lastHitAt), createdAt: toDate(row.createdAt) }).run();
      for (const row of subscriberRows) {
        tx.insert(subscribers)
          .values({
            email: row.email,
            name: row.name,
            status: row.status,
            wantsIssueEmail: row.wants_issue_email,
            alertFrequency: row.alert_frequency,
            confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
            unsubscribedAt: row.unsubscribed_at ? new Date(row.unsubscribed_at) : null,
            createdAt: row.created_at ? new Date(row.created_at) : new Date(),
          })
          .onConflictDoNothing()
          .run();
      }
      restoreAccess(tx, document);
      const broken = sqlite.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
      if (broken.length > 0) {
        const first = broken[0]!;
        throw new InvalidInputError(`The export is not whole: a ${first.table} record (row ${first.rowid}) points at a ${first.parent} record that is not in it. Nothing was imported.`);
      }
    });
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  const settingsResult = updateSiteSettings(document.settings);
  if (!settingsResult.ok) throw new InvalidInputError(`The export's settings were not restored: ${settingsResult.error}`);
  rebuildSearchIndex();
  return {
    sections: document.sections.length,
    contributors: document.contributors.length,
    entities: document.entities.length,
    issues: document.issues.length,
    articles: document.articles.length,
    revisions: document.articles.reduce((total, article) => total + article.revisions.length, 0),
    pages: document.pages.length,
    navigation: document.navigation.length,
    redirects: document.redirects.length,
    media: document.media.length,
    mediaFiles: copyMediaFiles(folder, document),
    subscribers: subscriberRows.length,
  };
}
