import type { JSONContent } from '@tiptap/core';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';
import { users } from './users';

export const PAGE_STATUSES = ['draft', 'published'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** A standalone page (About, Masthead, Contact) at `/<slug>`: not in feeds or issues. */
export const pages = sqliteTable(
  'pages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    body: text('body', { mode: 'json' }).$type<JSONContent>().notNull(),
    seoDescription: text('seo_description').notNull().default(''),
    status: text('status', { enum: PAGE_STATUSES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** What readers see: set on publish, so editing a published page changes nothing public until it is published again. */
    publishedTitle: text('published_title'),
    publishedBody: text('published_body', { mode: 'json' }).$type<JSONContent>(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('pages_slug_unique').on(table.slug), index('pages_status').on(table.status)],
);

export type Page = typeof pages.$inferSelect;

export const NAVIGATION_MENUS = ['header', 'footer'] as const;
export type NavigationMenu = (typeof NAVIGATION_MENUS)[number];

/** The site's header and footer links, in order. */
export const navigationItems = sqliteTable(
  'navigation_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    menu: text('menu', { enum: NAVIGATION_MENUS }).notNull(),
    label: text('label').notNull(),
    /** A site-relative path or an absolute http(s) URL. */
    href: text('href').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [index('navigation_items_menu').on(table.menu, table.position)],
);

export type NavigationItem = typeof navigationItems.$inferSelect;
