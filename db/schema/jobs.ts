import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Background work that must survive a restart: imports, webhook deliveries, edge purges. A job is
 * claimed by one worker at a time (`lockedUntil`), retried with backoff until `maxAttempts`, and
 * deduplicated by `dedupeKey` when one is given.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** Not claimed before this moment (ms): a retry waits out its backoff. */
    runAfter: integer('run_after').notNull(),
    /** A claim lasts until this moment (ms); after it a crashed worker's job is claimed again. */
    lockedUntil: integer('locked_until'),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('jobs_due').on(table.status, table.runAfter), uniqueIndex('jobs_dedupe_unique').on(table.dedupeKey)],
);

export type Job = typeof jobs.$inferSelect;
