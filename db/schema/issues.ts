import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';

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

export const ISSUE_STATUSES = ['draft', 'published'] as const;
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
    editorsNote: text('editors_note').notNull().default(''),
    status: text('status', { enum: ISSUE_STATUSES }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('issues_slug_unique').on(table.slug),
    uniqueIndex('issues_volume_number_unique').on(table.volume, table.number),
  ],
);

export type Issue = typeof issues.$inferSelect;
