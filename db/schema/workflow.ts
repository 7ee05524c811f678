import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { articles, revisions } from './articles';
import { users } from './users';

/**
 * Editorial notes: a thread starts with a note whose `parentId` is null; replies point at it.
 * A thread may be anchored to a passage (`anchorText`, with its position when written); when
 * the passage is edited away the thread stays and is shown as detached.
 */
export const articleNotes = sqliteTable(
  'article_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => articleNotes.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    anchorText: text('anchor_text'),
    anchorFrom: integer('anchor_from'),
    anchorTo: integer('anchor_to'),
    isDetached: integer('is_detached', { mode: 'boolean' }).notNull().default(false),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [index('article_notes_article').on(table.articleId, table.id), index('article_notes_parent').on(table.parentId)],
);

export type ArticleNote = typeof articleNotes.$inferSelect;

export const NOTIFICATION_KINDS = ['submitted', 'changes_requested', 'approved', 'published', 'mention', 'note'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A staff member's desk inbox. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    noteId: integer('note_id').references(() => articleNotes.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (table) => [index('notifications_user').on(table.userId, table.readAt, table.id)],
);

export type Notification = typeof notifications.$inferSelect;

export const CORRECTION_KINDS = ['correction', 'clarification', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** Public notes attached to an update of a published article; listed at /corrections. */
export const articleCorrections = sqliteTable(
  'article_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    revisionId: integer('revision_id').references(() => revisions.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: CORRECTION_KINDS }).notNull(),
    note: text('note').notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [index('article_corrections_article').on(table.articleId), index('article_corrections_created').on(table.createdAt)],
);

export type ArticleCorrection = typeof articleCorrections.$inferSelect;

/** Secret, expiring links that show an unpublished (e.g. embargoed) article to partners and press. */
export const previewLinks = sqliteTable(
  'preview_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token; the token itself is shown once, when the link is made. */
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull().default(''),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('preview_links_token').on(table.tokenHash), index('preview_links_article').on(table.articleId)],
);

/** Site-wide settings an admin can change (time zone, …), as key → JSON value. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
});
