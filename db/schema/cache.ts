import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * When each data-cache tag was last expired, shared by every server process on the host
 * (lib/platform/cache/shared-data-cache.ts): one row per tag, moved to a new `revision` at each expiry,
 * so a process reads only what changed since it last looked. Times are milliseconds since the epoch.
 */
export const cacheTagExpirations = sqliteTable(
  'cache_tag_expirations',
  {
    tag: text('tag').primaryKey(),
    /** Entries made before this moment are served once more while a fresh one is made. */
    staleAt: integer('stale_at').notNull(),
    /** Entries made before this moment are not served at all, once it has come; null: never. */
    expiredAt: integer('expired_at'),
    /** Counts up across all tags: a reader asks for rows above the highest it has seen. */
    revision: integer('revision').notNull(),
  },
  (table) => [index('cache_tag_expirations_revision_idx').on(table.revision)],
);
