import type { JSONContent } from '@tiptap/core';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACCESS_LEVELS } from './access-levels';
import { createdAt, updatedAt } from './columns';
import { media } from './media';

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('sections_slug_unique').on(table.slug)],
);

export type Section = typeof sections.$inferSelect;

/** planning: being assembled; ready: the editors consider it complete; published: out, with its email. */
export const ISSUE_STATUSES = ['planning', 'ready', 'published'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const issues = sqliteTable(
  'issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    volume: integer('volume').notNull(),
    number: integer('number').notNull(),
    /** First day of the issue's month, `YYYY-MM-01`. */
    coverDate: text('cover_date').notNull(),
    /** Plain text of the editor's note (derived from `editorsNoteBody` when that is set). */
    editorsNote: text('editors_note').notNull().default(''),
    /** The editor's note as rich text (ProseMirror JSON from the shared extension list). */
    editorsNoteBody: text('editors_note_body', { mode: 'json' }).$type<JSONContent>(),
    coverMediaId: integer('cover_media_id').references(() => media.id, { onDelete: 'set null' }),
    /** The day the issue is meant to come out, `YYYY-MM-DD`. */
    plannedPublicationDate: text('planned_publication_date'),
    status: text('status', { enum: ISSUE_STATUSES }).notNull().default('planning'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    /** Whether publishing the issue started (or will start) the issue email; false when published without one. */
    isEmailWanted: integer('is_email_wanted', { mode: 'boolean' }).notNull().default(true),
    /** The access new articles placed in this issue start with; null: public. */
    defaultAccess: text('default_access', { enum: ACCESS_LEVELS }),
    /** Gated articles of this issue become public this many months after the cover month; null: never. */
    archiveFreeAfterMonths: integer('archive_free_after_months'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('issues_slug_unique').on(table.slug),
    uniqueIndex('issues_volume_number_unique').on(table.volume, table.number),
  ],
);

export type Issue = typeof issues.$inferSelect;
