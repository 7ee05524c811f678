import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';
import { subscribers } from './readers';
import { users } from './users';

export { ACCESS_LEVELS, type AccessLevel } from './access-levels';

/** A membership tier as readers see it on the join page; prices are for display, the payment provider charges. */
export const membershipTiers = sqliteTable(
  'membership_tiers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Smallest currency unit (cents); null: not offered monthly. */
    monthlyPriceCents: integer('monthly_price_cents'),
    yearlyPriceCents: integer('yearly_price_cents'),
    /** ISO 4217, lower-case as Stripe writes it. */
    currency: text('currency').notNull().default('usd'),
    /** One line each, shown as a list. */
    benefits: text('benefits', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The payment provider's price ids, when payments are connected. */
    providerMonthlyPriceId: text('provider_monthly_price_id'),
    providerYearlyPriceId: text('provider_yearly_price_id'),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('membership_tiers_slug_unique').on(table.slug)],
);

export type MembershipTier = typeof membershipTiers.$inferSelect;

export const MEMBERSHIP_SOURCES = ['complimentary', 'import', 'payment'] as const;
export type MembershipSource = (typeof MEMBERSHIP_SOURCES)[number];

/** active and past_due give access (past_due: the provider is still retrying a payment); the rest do not. */
export const MEMBERSHIP_STATUSES = ['active', 'past_due', 'canceled', 'expired'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** A reader's membership of one tier; access holds while the status gives it and `endsAt` has not passed. */
export const memberships = sqliteTable(
  'memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    tierId: integer('tier_id')
      .notNull()
      .references(() => membershipTiers.id, { onDelete: 'restrict' }),
    source: text('source', { enum: MEMBERSHIP_SOURCES }).notNull(),
    status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull().default('active'),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    /** Null: until canceled. */
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }),
    /** The payment provider's customer and subscription, for payment memberships. */
    providerCustomerId: text('provider_customer_id'),
    providerSubscriptionId: text('provider_subscription_id'),
    /** When the provider last changed this membership (its event time, ms): older events change nothing. */
    providerUpdatedAt: integer('provider_updated_at'),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('memberships_subscriber').on(table.subscriberId, table.status),
    index('memberships_tier').on(table.tierId, table.status),
    uniqueIndex('memberships_provider_subscription_unique').on(table.providerSubscriptionId),
  ],
);

export type Membership = typeof memberships.$inferSelect;

/** A library, university or think tank whose readers are let in by network address or email domain. */
export const institutions = sqliteTable(
  'institutions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** The tier whose articles its readers may read; null: what any member may read. */
    tierId: integer('tier_id').references(() => membershipTiers.id, { onDelete: 'set null' }),
    /** Readers signed in through an email domain who may hold a seat at once; null: no limit. */
    seats: integer('seats'),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }),
    /** The librarian who receives the usage report. */
    contactEmail: text('contact_email').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('institutions_slug_unique').on(table.slug)],
);

export type Institution = typeof institutions.$inferSelect;

/**
 * One IPv4 or IPv6 range of an institution. `first` and `last` are the range's bounds as fixed-width
 * lower-case hex (8 digits for IPv4, 32 for IPv6), so a lookup is one indexed string comparison.
 */
export const institutionIpRanges = sqliteTable(
  'institution_ip_ranges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** As the editor wrote it, normalized (`192.0.2.0/24`, `2001:db8::/32`). */
    cidr: text('cidr').notNull(),
    family: integer('family').notNull(),
    first: text('first').notNull(),
    last: text('last').notNull(),
  },
  (table) => [index('institution_ip_ranges_lookup').on(table.family, table.first, table.last), index('institution_ip_ranges_institution').on(table.institutionId)],
);

/** An email domain of an institution (lower-case, no `@`): a reader signed in with it is let in. */
export const institutionDomains = sqliteTable(
  'institution_domains',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
  },
  (table) => [uniqueIndex('institution_domains_domain_unique').on(table.domain)],
);

/** Gated article views let in by an institution, per calendar month (`YYYY-MM`, site time zone). */
export const institutionUsage = sqliteTable(
  'institution_usage',
  {
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    views: integer('views').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.institutionId, table.month] })],
);

/**
 * Who holds one of an institution's seats: a reader let in by its email domain holds one until
 * `INSTITUTION_SEAT_HOLD_MS` after their last gated view (`lastSeenAt`, ms).
 */
export const institutionSeats = sqliteTable(
  'institution_seats',
  {
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.institutionId, table.subscriberId] }), index('institution_seats_recent').on(table.institutionId, table.lastSeenAt)],
);

/**
 * Every event the payment provider sent, by its own id: an event delivered twice is handled once.
 * `outcome` says what it did (or why it was refused), for the desk.
 */
export const paymentEvents = sqliteTable(
  'payment_events',
  {
    id: text('id').primaryKey(),
    provider: text('provider').notNull(),
    type: text('type').notNull(),
    /** The event's own creation time (ms), for ordering. */
    occurredAt: integer('occurred_at').notNull(),
    outcome: text('outcome').notNull().default(''),
    createdAt: createdAt(),
  },
  (table) => [index('payment_events_created').on(table.createdAt)],
);
