CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`issue_id` integer,
	`article_id` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`recipient_count` integer DEFAULT 0 NOT NULL,
	`expanded_through_subscriber_id` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_dedupe` ON `campaigns` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `campaigns_status` ON `campaigns` (`status`);--> statement-breakpoint
CREATE TABLE `rate_limit_hits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bucket` text NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limit_hits_bucket_key_at` ON `rate_limit_hits` (`bucket`,`key`,`at`);--> statement-breakpoint
CREATE TABLE `reader_sign_in_tokens` (
	`identifier` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`identifier`, `token_hash`)
);
--> statement-breakpoint
CREATE TABLE `subscriber_follows` (
	`subscriber_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`subscriber_id`, `entity_id`),
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subscriber_follows_entity` ON `subscriber_follows` (`entity_id`);--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`wants_issue_email` integer DEFAULT true NOT NULL,
	`alert_frequency` text DEFAULT 'instant' NOT NULL,
	`is_paused` integer DEFAULT false NOT NULL,
	`confirm_token_hash` text,
	`confirm_expires_at` integer,
	`confirmed_at` integer,
	`unsubscribed_at` integer,
	`bounce_count` integer DEFAULT 0 NOT NULL,
	`digest_covered_until` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_email_unique` ON `subscribers` (`email`);--> statement-breakpoint
CREATE INDEX `subscribers_status` ON `subscribers` (`status`);--> statement-breakpoint
ALTER TABLE `issues` ADD `editors_note_body` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `cover_media_id` integer REFERENCES media(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `issues` ADD `planned_publication_date` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `is_email_wanted` integer DEFAULT true NOT NULL;--> statement-breakpoint
UPDATE `issues` SET `status` = 'planning' WHERE `status` = 'draft';--> statement-breakpoint
ALTER TABLE `articles` ADD `issue_position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `campaign_id` integer REFERENCES campaigns(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `outbox` ADD `subscriber_id` integer REFERENCES subscribers(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `outbox_campaign` ON `outbox` (`campaign_id`,`status`);--> statement-breakpoint
UPDATE `articles` SET `issue_position` = `id` WHERE `issue_id` IS NOT NULL;
