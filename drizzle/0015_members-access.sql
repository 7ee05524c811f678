CREATE TABLE `institution_domains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`institution_id` integer NOT NULL,
	`domain` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institution_domains_domain_unique` ON `institution_domains` (`domain`);--> statement-breakpoint
CREATE TABLE `institution_ip_ranges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`institution_id` integer NOT NULL,
	`cidr` text NOT NULL,
	`family` integer NOT NULL,
	`first` text NOT NULL,
	`last` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `institution_ip_ranges_lookup` ON `institution_ip_ranges` (`family`,`first`,`last`);--> statement-breakpoint
CREATE INDEX `institution_ip_ranges_institution` ON `institution_ip_ranges` (`institution_id`);--> statement-breakpoint
CREATE TABLE `institution_usage` (
	`institution_id` integer NOT NULL,
	`month` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`institution_id`, `month`),
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`tier_id` integer,
	`seats` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`contact_email` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`tier_id`) REFERENCES `membership_tiers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institutions_slug_unique` ON `institutions` (`slug`);--> statement-breakpoint
CREATE TABLE `membership_tiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`monthly_price_cents` integer,
	`yearly_price_cents` integer,
	`currency` text DEFAULT 'usd' NOT NULL,
	`benefits` text DEFAULT '[]' NOT NULL,
	`provider_monthly_price_id` text,
	`provider_yearly_price_id` text,
	`is_active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `membership_tiers_slug_unique` ON `membership_tiers` (`slug`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscriber_id` integer NOT NULL,
	`tier_id` integer NOT NULL,
	`source` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`provider_customer_id` text,
	`provider_subscription_id` text,
	`provider_updated_at` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tier_id`) REFERENCES `membership_tiers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `memberships_subscriber` ON `memberships` (`subscriber_id`,`status`);--> statement-breakpoint
CREATE INDEX `memberships_tier` ON `memberships` (`tier_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_provider_subscription_unique` ON `memberships` (`provider_subscription_id`);--> statement-breakpoint
CREATE TABLE `payment_events` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`type` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payment_events_created` ON `payment_events` (`created_at`);--> statement-breakpoint
ALTER TABLE `issues` ADD `default_access` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `archive_free_after_months` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `access` text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `access_tier_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `published_access` text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `published_access_tier_ids` text DEFAULT '[]' NOT NULL;