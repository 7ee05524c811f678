import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACCESS_LEVELS } from './access-levels';
import type { JSONContent } from '@tiptap/core';
import { createdAt, updatedAt } from './columns';
import { entities } from './entities';
import { issues, sections } from './issues';
import { media } from './media';
import { contributors, users } from './users';

export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const REVISION_REASONS = ['autosave', 'save', 'submit', 'publish', 'restore', 'correction', 'import', 'conflict'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

/** The working copy. The public site reads only `publishedRevisionId`. */
export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    dek: text('dek').notNull().default(''),
    body: text('body', { mode: 'json' }).$type<JSONContent>().notNull(),
    bodyText: text('body_text').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    excerpt: text('excerpt').notNull().default(''),
    seoTitle: text('seo_title').notNull().default(''),
    seoDescription: text('seo_description').notNull().default(''),
    featuredMediaId: integer('featured_media_id').references(() => media.id, { onDelete: 'set null' }),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'restrict' }),
    issueId: integer('issue_id').references(() => issues.id, { onDelete: 'set null' }),
    /** Order within its section in the issue's table of contents (ascending). */
    issuePosition: integer('issue_position').notNull().default(0),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    publishedRevisionId: integer('published_revision_id').references((): AnySQLiteColumn => revisions.id, {
      onDelete: 'set null',
    }),
    firstPublishedAt: integer('first_published_at', { mode: 'timestamp_ms' }),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    /** When the published snapshot last changed (an update or correction); `dateModified` in JSON-LD. */
    modifiedAt: integer('modified_at', { mode: 'timestamp_ms' }),
    /** Section and issue as they stood when last published: the public site reads these, not the working copy's. */
    publishedSectionId: integer('published_section_id').references(() => sections.id, { onDelete: 'set null' }),
    publishedIssueId: integer('published_issue_id').references(() => issues.id, { onDelete: 'set null' }),
    /** Set while the article is scheduled: the worker publishes it at or after this moment. */
    scheduledFor: integer('scheduled_for', { mode: 'timestamp_ms' }),
    /** Nothing about the article may be public before this moment. */
    embargoedUntil: integer('embargoed_until', { mode: 'timestamp_ms' }),
    unpublishedAt: integer('unpublished_at', { mode: 'timestamp_ms' }),
    /** Who may read the whole body (working copy); the tiers when `access` is `tiers`. */
    access: text('access', { enum: ACCESS_LEVELS }).notNull().default('public'),
    accessTierIds: text('access_tier_ids', { mode: 'json' }).$type<number[]>().notNull().default([]),
    /** Access as it stood when last published: the public site reads these. */
    publishedAccess: text('published_access', { enum: ACCESS_LEVELS }).notNull().default('public'),
    publishedAccessTierIds: text('published_access_tier_ids', { mode: 'json' }).$type<number[]>().notNull().default([]),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('articles_slug_unique').on(table.slug),
    index('articles_status_published').on(table.status, table.publishedAt),
    index('articles_issue').on(table.issueId),
    index('articles_section').on(table.sectionId),
    index('articles_scheduled').on(table.status, table.scheduledFor),
  ],
);

export type Article = typeof articles.$inferSelect;

/** Immutable snapshots: what a page showed at a moment, and why it changed. */
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    dek: text('dek').notNull().default(''),
    body: text('body', { mode: 'json' }).$type<JSONContent>().notNull(),
    bodyText: text('body_text').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    /** The metadata as it stood: section, issue, authors, SEO fields, featured image. */
    meta: text('meta', { mode: 'json' }).$type<RevisionMeta>().notNull().default({}),
    reason: text('reason', { enum: REVISION_REASONS }).notNull(),
    note: text('note').notNull().default(''),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Moves only while a run of autosaves coalesces into this revision (ms; a column added later, so no SQL clock default). */
    updatedAt: integer('updated_at')
      .notNull()
      .default(0)
      .$defaultFn(() => Date.now()),
  },
  (table) => [
    index('revisions_article_version').on(table.articleId, table.version),
    // "The newest revision of this article" on every save: without it SQLite reads the whole history.
    index('revisions_article_id').on(table.articleId, table.id),
    index('revisions_slug').on(table.slug),
  ],
);

export type Revision = typeof revisions.$inferSelect;

export type RevisionMeta = {
  sectionId?: number | null;
  issueId?: number | null;
  authorContributorIds?: number[];
  seoTitle?: string;
  seoDescription?: string;
  featuredMediaId?: number | null;
  /** Entity tags (mentions and by hand), recorded on submit, publish and correction revisions. */
  entityIds?: number[];
  /** The open editor (one browser tab) that saved it, to tell a writer's own other tab from another person. */
  editorId?: string;
};

/** Every slug an article has had; old ones redirect (308) to the current one. */
export const articleSlugHistory = sqliteTable(
  'article_slug_history',
  {
    slug: text('slug').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [index('article_slug_history_article').on(table.articleId)],
);

/** Who has an article open right now: a heartbeat, not a lock. */
export const articlePresence = sqliteTable(
  'article_presence',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.articleId, table.userId] })],
);

export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    contributorId: integer('contributor_id')
      .notNull()
      .references(() => contributors.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.contributorId] }),
    index('article_authors_contributor').on(table.contributorId),
  ],
);

export const ARTICLE_ENTITY_SOURCES = ['mention', 'manual'] as const;

export const articleEntities = sqliteTable(
  'article_entities',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    source: text('source', { enum: ARTICLE_ENTITY_SOURCES }).notNull().default('manual'),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.entityId] }),
    index('article_entities_entity').on(table.entityId),
  ],
);

/** Tag suggestions an author dismissed for one article (`entity:<id>` or `name:<normalized name>`). */
export const articleDismissedSuggestions = sqliteTable(
  'article_dismissed_suggestions',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    suggestionKey: text('suggestion_key').notNull(),
    dismissedBy: integer('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.articleId, table.suggestionKey] })],
);

/** The entity tags of the published snapshot: what entity pages, chips and JSON-LD show. */
export const publishedArticleEntities = sqliteTable(
  'published_article_entities',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.entityId] }),
    index('published_article_entities_entity').on(table.entityId),
  ],
);

/** The byline of the published snapshot, in order. */
export const publishedArticleAuthors = sqliteTable(
  'published_article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    contributorId: integer('contributor_id')
      .notNull()
      .references(() => contributors.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.contributorId] }),
    index('published_article_authors_contributor').on(table.contributorId),
  ],
);
