import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { articles } from './articles';
import { createdAt, updatedAt } from './columns';
import { entities } from './entities';
import { issues } from './issues';
import { users } from './users';

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export const ALERT_FREQUENCIES = ['instant', 'daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** A reader who asked for mail: the issue email and/or alerts on the entities they follow. */
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower-cased and trimmed. */
    email: text('email').notNull(),
    /** As the reader gave it or as an imported list named them; may be empty. */
    name: text('name').notNull().default(''),
    status: text('status', { enum: SUBSCRIBER_STATUSES }).notNull().default('pending'),
    wantsIssueEmail: integer('wants_issue_email', { mode: 'boolean' }).notNull().default(true),
    alertFrequency: text('alert_frequency', { enum: ALERT_FREQUENCIES }).notNull().default('instant'),
    isPaused: integer('is_paused', { mode: 'boolean' }).notNull().default(false),
    /** SHA-256 of the double opt-in link's token; cleared once confirmed. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: integer('confirm_expires_at', { mode: 'timestamp_ms' }),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    unsubscribedAt: integer('unsubscribed_at', { mode: 'timestamp_ms' }),
    /** Consecutive permanent delivery failures; at the limit the address is marked bounced. */
    bounceCount: integer('bounce_count').notNull().default(0),
    /** Up to when daily/weekly digests have covered articles (ms). */
    digestCoveredUntil: integer('digest_covered_until', { mode: 'timestamp_ms' }),
    /** Sessions signed in at or before this time (ms) are over: signing out ends them all. Null: none ended. */
    sessionsValidAfter: integer('sessions_valid_after'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('subscribers_email_unique').on(table.email), index('subscribers_status').on(table.status)],
);

export type Subscriber = typeof subscribers.$inferSelect;

export const subscriberFollows = sqliteTable(
  'subscriber_follows',
  {
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.subscriberId, table.entityId] }), index('subscriber_follows_entity').on(table.entityId)],
);

/** One-time sign-in links for readers (the magic link of `/account`); only the token's hash is kept. */
export const readerSignInTokens = sqliteTable(
  'reader_sign_in_tokens',
  {
    identifier: text('identifier').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.tokenHash] })],
);

export const CAMPAIGN_KINDS = ['issue', 'alert', 'digest', 'test'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_STATUSES = ['queued', 'expanding', 'sending', 'done', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * A mailing: the issue email of one issue, the alerts for one new article, a digest run.
 * Publishing writes the row (in its own transaction); the worker expands it into one outbox row per
 * recipient, each with a unique dedupe key, so a crash or rerun never sends twice or skips anyone.
 */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    /** Unique per mailing, e.g. `issue:12`, `alert:article:55`, `digest:daily:2026-05-03`. */
    dedupeKey: text('dedupe_key').notNull(),
    issueId: integer('issue_id').references(() => issues.id, { onDelete: 'set null' }),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'set null' }),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('queued'),
    recipientCount: integer('recipient_count').notNull().default(0),
    /** For expansion in batches: the last subscriber id already given a message. */
    expandedThroughSubscriberId: integer('expanded_through_subscriber_id').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (table) => [uniqueIndex('campaigns_dedupe').on(table.dedupeKey), index('campaigns_status').on(table.status)],
);

export type Campaign = typeof campaigns.$inferSelect;

/** Hits against a rate limit (subscribe, magic link, …): `bucket` names the limit, `key` the IP or address. */
export const rateLimitHits = sqliteTable(
  'rate_limit_hits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (table) => [index('rate_limit_hits_bucket_key_at').on(table.bucket, table.key, table.at)],
);
