import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { JSONContent } from '@tiptap/core';
import { createdAt, updatedAt } from './columns';
import { entities } from './entities';
import { issues, sections } from './issues';
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

export const REVISION_REASONS = ['autosave', 'save', 'submit', 'publish', 'restore', 'correction', 'import'] as const;
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
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'restrict' }),
    issueId: integer('issue_id').references(() => issues.id, { onDelete: 'set null' }),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    publishedRevisionId: integer('published_revision_id').references((): AnySQLiteColumn => revisions.id, {
      onDelete: 'set null',
    }),
    firstPublishedAt: integer('first_published_at', { mode: 'timestamp_ms' }),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('articles_slug_unique').on(table.slug),
    index('articles_status_published').on(table.status, table.publishedAt),
    index('articles_issue').on(table.issueId),
    index('articles_section').on(table.sectionId),
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
    reason: text('reason', { enum: REVISION_REASONS }).notNull(),
    note: text('note').notNull().default(''),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('revisions_article_version').on(table.articleId, table.version),
    index('revisions_slug').on(table.slug),
  ],
);

export type Revision = typeof revisions.$inferSelect;

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
