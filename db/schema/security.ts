import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const CSP_DISPOSITIONS = ['enforce', 'report'] as const;

/**
 * Content-Security-Policy violations that browsers reported, one row per distinct violation
 * (`fingerprint`), counted, so a page that keeps failing fills no table. URLs are kept without
 * their query strings, which may carry tokens.
 */
export const cspViolations = sqliteTable(
  'csp_violations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fingerprint: text('fingerprint').notNull(),
    directive: text('directive').notNull(),
    blockedUrl: text('blocked_url').notNull(),
    documentUrl: text('document_url').notNull(),
    sourceFile: text('source_file').notNull().default(''),
    lineNumber: integer('line_number'),
    columnNumber: integer('column_number'),
    sample: text('sample').notNull().default(''),
    disposition: text('disposition', { enum: CSP_DISPOSITIONS }).notNull(),
    count: integer('count').notNull().default(1),
    firstSeenAt: integer('first_seen_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('csp_violations_fingerprint').on(table.fingerprint), index('csp_violations_last_seen').on(table.lastSeenAt)],
);

export type CspViolation = typeof cspViolations.$inferSelect;
