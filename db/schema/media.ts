import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './users';

export type MediaVariant = { width: number; height: number; format: 'webp' | 'jpeg' | 'png' | 'gif' | 'avif'; path: string; bytes: number };

/** An uploaded image: the original is kept untouched beside its resized variants under MEDIA_DIR. */
export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    originalName: text('original_name').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    /** Folder under MEDIA_DIR holding the original and the variants. */
    storageKey: text('storage_key').notNull(),
    originalPath: text('original_path').notNull(),
    variants: text('variants', { mode: 'json' }).$type<MediaVariant[]>().notNull(),
    alt: text('alt').notNull().default(''),
    caption: text('caption').notNull().default(''),
    credit: text('credit').notNull().default(''),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [index('media_created').on(table.createdAt)],
);

export type Media = typeof media.$inferSelect;
