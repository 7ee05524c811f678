import 'server-only';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The FTS5 table of drizzle/0007_search_index.sql, described here for inserts and deletes only: drizzle
 * cannot create virtual tables, so it stays out of db/schema and out of generated migrations.
 */
export const articleSearch = sqliteTable('article_search', {
  rowid: integer('rowid').notNull(),
  title: text('title').notNull(),
  dek: text('dek').notNull(),
  body: text('body').notNull(),
  authors: text('authors').notNull(),
  entities: text('entities').notNull(),
});

/** Column numbers as FTS5 functions (`snippet`, `highlight`) count them. */
export const SEARCH_COLUMNS = { title: 0, dek: 1, body: 2, authors: 3, entities: 4 } as const;

/** The longest of the index's prefix lengths (`prefix = '2 3'`): a longer prefix is expanded term by term at query time. */
export const LONGEST_INDEXED_PREFIX = 3;
