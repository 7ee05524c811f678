import 'server-only';
import type Database from 'better-sqlite3';
import { integer, real, sqliteTable } from 'drizzle-orm/sqlite-core';

/**
 * One search's matches, written once by a single pass over the full-text index and then read by the
 * total, the facets and the page of ids, so the match runs once per search instead of once per count.
 * A TEMP table: it belongs to the connection, never reaches the database file, and a search (synchronous
 * from start to end) empties it before filling it. Unqualified names find TEMP tables first.
 */
export const searchMatches = sqliteTable('search_matches', {
  id: integer('id').primaryKey(),
  /** BM25 (lower is better) when sorting by relevance; 0 when sorting by date. */
  score: real('score').notNull(),
  publishedAt: integer('published_at').notNull(),
  sectionId: integer('section_id'),
  issueId: integer('issue_id'),
  year: integer('year').notNull(),
});

const prepared = new WeakSet<Database.Database>();

/** Creates the table on this connection the first time a search runs on it. */
export function ensureSearchMatchesTable(sqlite: Database.Database): void {
  if (prepared.has(sqlite)) return;
  sqlite.exec(
    'create temp table if not exists search_matches (id integer primary key, score real not null, published_at integer not null, section_id integer, issue_id integer, year integer not null)',
  );
  prepared.add(sqlite);
}
