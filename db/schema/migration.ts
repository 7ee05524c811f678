import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';
import { jobs } from './jobs';
import { users } from './users';

export const IMPORT_SOURCES = ['wordpress', 'ghost', 'subscribers', 'masthead'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const IMPORT_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

export type ImportWarning = { item: string; message: string };
/** Per kind of item (post, page, author, …): how many were or would be created, updated, unchanged, skipped, failed. */
export type ImportCounts = Record<string, { created: number; updated: number; unchanged: number; skipped: number; failed: number }>;

/** One import, dry run or real: its file, progress and report. */
export const importRuns = sqliteTable(
  'import_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source', { enum: IMPORT_SOURCES }).notNull(),
    fileName: text('file_name').notNull(),
    /** Where the uploaded or named file is kept while the run lasts. */
    filePath: text('file_path').notNull(),
    /** Options the run was started with (media folder, whether to fetch images). */
    options: text('options', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    isDryRun: integer('is_dry_run', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: IMPORT_RUN_STATUSES }).notNull().default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    counts: text('counts', { mode: 'json' }).$type<ImportCounts>().notNull().default({}),
    warnings: text('warnings', { mode: 'json' }).$type<ImportWarning[]>().notNull().default([]),
    error: text('error'),
    jobId: integer('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('import_runs_created').on(table.createdAt)],
);

export type ImportRun = typeof importRuns.$inferSelect;

/**
 * What each imported item became: a second run finds its row here, updates what changed (by content
 * hash) and creates nothing twice. `source` names the site (`wordpress:https://old.example.org`).
 */
export const importSourceMap = sqliteTable(
  'import_source_map',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    targetKind: text('target_kind').notNull(),
    targetId: integer('target_id').notNull(),
    contentHash: text('content_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('import_source_map_item').on(table.source, table.sourceKind, table.sourceId),
    index('import_source_map_target').on(table.targetKind, table.targetId),
  ],
);

export const REDIRECT_ORIGINS = ['manual', 'csv', 'wordpress', 'ghost', 'masthead'] as const;
export type RedirectOrigin = (typeof REDIRECT_ORIGINS)[number];

/** An old address that answers 301 to a new one: imported permalinks and hand-made redirects. */
export const redirects = sqliteTable(
  'redirects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** A site-relative path, lower-cased, without a trailing slash; may carry one query (`/?p=12`). */
    fromPath: text('from_path').notNull(),
    /** A site-relative path or an absolute http(s) URL. */
    toPath: text('to_path').notNull(),
    origin: text('origin', { enum: REDIRECT_ORIGINS }).notNull().default('manual'),
    hits: integer('hits').notNull().default(0),
    lastHitAt: integer('last_hit_at', { mode: 'timestamp_ms' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('redirects_from_unique').on(table.fromPath)],
);

export type Redirect = typeof redirects.$inferSelect;
