import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';

export const ENTITY_KINDS = ['country', 'treaty', 'person', 'organization', 'topic'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** An entity an author adds waits for an editor before readers see it; the rest are approved. */
export const ENTITY_STATUSES = ['approved', 'pending'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];

export type EntityFacts = Record<string, string | number | boolean | null>;

export const entities = sqliteTable(
  'entities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ENTITY_KINDS }).notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    facts: text('facts', { mode: 'json' }).$type<EntityFacts>().notNull().default({}),
    wikidataId: text('wikidata_id'),
    status: text('status', { enum: ENTITY_STATUSES }).notNull().default('approved'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('entities_kind_slug_unique').on(table.kind, table.slug),
    index('entities_name').on(table.name),
  ],
);

export type Entity = typeof entities.$inferSelect;

export const entityAliases = sqliteTable(
  'entity_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    /** Lower-cased, accents folded: what matching compares. */
    normalized: text('normalized').notNull(),
  },
  (table) => [
    uniqueIndex('entity_aliases_entity_normalized_unique').on(table.entityId, table.normalized),
    index('entity_aliases_normalized').on(table.normalized),
  ],
);

export type EntityAlias = typeof entityAliases.$inferSelect;

/** Where an entity's old address (after a merge or a slug change) now leads; served as a 308. */
export const entityRedirects = sqliteTable(
  'entity_redirects',
  {
    kind: text('kind', { enum: ENTITY_KINDS }).notNull(),
    slug: text('slug').notNull(),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.slug] }), index('entity_redirects_entity').on(table.entityId)],
);

/** The entity a merged-away id now is, so an editor still holding the old id saves cleanly. */
export const entityIdRedirects = sqliteTable('entity_id_redirects', {
  oldId: integer('old_id').primaryKey(),
  entityId: integer('entity_id')
    .notNull()
    .references(() => entities.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});
