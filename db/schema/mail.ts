import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { campaigns, subscribers } from './readers';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The body a campaign sends to every reader, stored once: its text and HTML carry slots
 * (`UNSUBSCRIBE_URL_SLOT`) that delivery fills with each reader's own links. Outbox rows that point
 * here keep only what differs per reader.
 */
export const mailBodies = sqliteTable(
  'mail_bodies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').references((): AnySQLiteColumn => campaigns.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('mail_bodies_campaign').on(table.campaignId)],
);

export type MailBody = typeof mailBodies.$inferSelect;

/**
 * Every message the site sends, one row each. `dedupeKey` is unique (e.g. `invite:<user>:<token>`,
 * `campaign:<id>:<subscriber>`), so a rerun never queues the same message twice. A row with
 * `bodyId` takes its subject and bodies from that shared body, its links and headers filled in for
 * `subscriberId` when it is delivered or shown; its own `text` is then empty.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    campaignId: integer('campaign_id').references((): AnySQLiteColumn => campaigns.id, { onDelete: 'set null' }),
    subscriberId: integer('subscriber_id').references((): AnySQLiteColumn => subscribers.id, { onDelete: 'set null' }),
    bodyId: integer('body_id').references((): AnySQLiteColumn => mailBodies.id),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('outbox_dedupe').on(table.dedupeKey),
    index('outbox_status').on(table.status, table.nextAttemptAt),
    index('outbox_campaign').on(table.campaignId, table.status),
  ],
);

export type OutboxMessage = typeof outbox.$inferSelect;
