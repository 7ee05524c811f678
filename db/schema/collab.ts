import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { articles } from './articles';
import { users } from './users';

/** An article's shared document folded into one Yjs state: every update up to `seq` is in `state`. */
export const collabDocuments = sqliteTable('collab_documents', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  state: blob('state', { mode: 'buffer' }).$type<Buffer>().notNull(),
  seq: integer('seq').notNull().default(0),
  compactedAt: integer('compacted_at').notNull(),
});

/** Each accepted Yjs update after the snapshot, in the order the server applied them. */
export const collabUpdates = sqliteTable(
  'collab_updates',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    update: blob('update', { mode: 'buffer' }).$type<Buffer>().notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The sending editor's own id, so its stream does not echo its updates back. */
    origin: text('origin').notNull().default(''),
    receivedAt: integer('received_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.articleId, table.seq] }), index('collab_updates_user_idx').on(table.userId)],
);

/**
 * Who has the article open in an editor (one row per editor window, its `origin`) and where their caret is.
 * Kept here rather than in a process's memory so that the streams of every server process list the same people:
 * two writers may be connected to different processes. A row counts while its editor keeps repeating it.
 */
export const collabPresence = sqliteTable(
  'collab_presence',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The name the server knew the writer by when they last said where they are. */
    name: text('name').notNull(),
    /** As `collabCaretSchema` (lib/collab) checked it on the way in; null while the text does not have focus. */
    caret: text('caret', { mode: 'json' }).$type<unknown>(),
    joinedAt: integer('joined_at').notNull(),
    seenAt: integer('seen_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.articleId, table.origin] })],
);

export type CollabDocument = typeof collabDocuments.$inferSelect;
export type CollabUpdate = typeof collabUpdates.$inferSelect;
