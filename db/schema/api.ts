import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { jobs } from './jobs';
import { users } from './users';

/** An outside site or tool reading the Content API with its own key, and receiving webhooks. */
export const integrations = sqliteTable(
  'integrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** 26 hex characters, as Ghost's Content API keys are: read-only, meant to be used in public front ends. */
    contentKey: text('content_key').notNull(),
    /** A members key: it reads members-only articles in full, so it must be kept secret (a members' app, a partner). */
    readsMembersContent: integer('reads_members_content', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (table) => [uniqueIndex('integrations_content_key_unique').on(table.contentKey)],
);

export type Integration = typeof integrations.$inferSelect;

export const WEBHOOK_EVENTS = ['post.published', 'post.published.edited', 'post.unpublished', 'issue.published'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhooks = sqliteTable(
  'webhooks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    integrationId: integer('integration_id')
      .notNull()
      .references(() => integrations.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    targetUrl: text('target_url').notNull(),
    /** Signs each delivery (HMAC-SHA256), so the receiver can tell it came from here. */
    secret: text('secret').notNull(),
    createdAt: createdAt(),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('webhooks_event').on(table.event)],
);

export type Webhook = typeof webhooks.$inferSelect;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event sent (or being sent) to one webhook: the log the desk shows. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    error: text('error'),
    jobId: integer('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('webhook_deliveries_webhook').on(table.webhookId, table.createdAt)],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
