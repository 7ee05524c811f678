import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';

export const STAFF_ROLES = ['author', 'editor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    /** Sessions signed in before this moment (ms) are over: set by a new password, so copied cookies stop working too. */
    sessionsValidAfter: integer('sessions_valid_after').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('users_email_unique').on(table.email)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * Staff sessions ended by signing out. A signed cookie cannot be taken back, so the session's id is
 * kept here until the cookie would have expired anyway; the account's other sessions go on.
 */
export const endedStaffSessions = sqliteTable(
  'ended_staff_sessions',
  {
    sessionId: text('session_id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('ended_staff_sessions_expiry').on(table.expiresAt)],
);

export const CONTRIBUTOR_REVIEW_STATUSES = ['approved', 'pending'] as const;
export type ContributorReviewStatus = (typeof CONTRIBUTOR_REVIEW_STATUSES)[number];

/** People named in bylines: staff (linked to a user) and guest contributors. */
export const contributors = sqliteTable(
  'contributors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    bio: text('bio').notNull().default(''),
    affiliation: text('affiliation').notNull().default(''),
    /** A guest an author added from the editor waits for an editor; until then readers see the name but no author page. */
    reviewStatus: text('review_status', { enum: CONTRIBUTOR_REVIEW_STATUSES }).notNull().default('approved'),
    addedBy: integer('added_by').references(() => users.id, { onDelete: 'set null' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('contributors_slug_unique').on(table.slug),
    uniqueIndex('contributors_user_unique').on(table.userId),
  ],
);

export type Contributor = typeof contributors.$inferSelect;

/** Set-password links: for invited staff and for password resets. Only the token's hash is kept. */
export const passwordTokens = sqliteTable(
  'password_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('password_tokens_token').on(table.tokenHash), index('password_tokens_user').on(table.userId)],
);

export const LOGIN_OUTCOMES = ['success', 'failure', 'refused'] as const;
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];

/** Every sign-in attempt, kept for the rate limit window and for the audit of abuse. */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    outcome: text('outcome', { enum: LOGIN_OUTCOMES }).notNull(),
    attemptedAt: integer('attempted_at').notNull(),
  },
  (table) => [
    index('login_attempts_email_at').on(table.email, table.attemptedAt),
    index('login_attempts_ip_at').on(table.ip, table.attemptedAt),
  ],
);
