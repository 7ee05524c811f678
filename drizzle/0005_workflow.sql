CREATE TABLE `password_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_tokens_token` ON `password_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `password_tokens_user` ON `password_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `published_article_authors` (
	`article_id` integer NOT NULL,
	`contributor_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`article_id`, `contributor_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contributor_id`) REFERENCES `contributors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `published_article_authors_contributor` ON `published_article_authors` (`contributor_id`);--> statement-breakpoint
CREATE TABLE `published_article_entities` (
	`article_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `entity_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `published_article_entities_entity` ON `published_article_entities` (`entity_id`);--> statement-breakpoint
CREATE TABLE `article_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`revision_id` integer,
	`kind` text NOT NULL,
	`note` text NOT NULL,
	`actor_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `article_corrections_article` ON `article_corrections` (`article_id`);--> statement-breakpoint
CREATE INDEX `article_corrections_created` ON `article_corrections` (`created_at`);--> statement-breakpoint
CREATE TABLE `article_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`parent_id` integer,
	`author_id` integer,
	`body` text NOT NULL,
	`anchor_text` text,
	`anchor_from` integer,
	`anchor_to` integer,
	`is_detached` integer DEFAULT false NOT NULL,
	`resolved_at` integer,
	`resolved_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `article_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `article_notes_article` ON `article_notes` (`article_id`,`id`);--> statement-breakpoint
CREATE INDEX `article_notes_parent` ON `article_notes` (`parent_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`article_id` integer,
	`note_id` integer,
	`actor_id` integer,
	`message` text NOT NULL,
	`read_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`note_id`) REFERENCES `article_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`read_at`,`id`);--> statement-breakpoint
CREATE TABLE `preview_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `preview_links_token` ON `preview_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `preview_links_article` ON `preview_links` (`article_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`headers` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_status` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `articles` ADD `modified_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `published_section_id` integer REFERENCES sections(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `published_issue_id` integer REFERENCES issues(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `scheduled_for` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `embargoed_until` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `unpublished_at` integer;--> statement-breakpoint
CREATE INDEX `articles_scheduled` ON `articles` (`status`,`scheduled_for`);--> statement-breakpoint
INSERT OR IGNORE INTO `published_article_entities` (`article_id`, `entity_id`) SELECT `ae`.`article_id`, `ae`.`entity_id` FROM `article_entities` `ae` JOIN `articles` `a` ON `a`.`id` = `ae`.`article_id` WHERE `a`.`published_revision_id` IS NOT NULL;
--> statement-breakpoint
INSERT OR IGNORE INTO `published_article_authors` (`article_id`, `contributor_id`, `position`) SELECT `aa`.`article_id`, `aa`.`contributor_id`, `aa`.`position` FROM `article_authors` `aa` JOIN `articles` `a` ON `a`.`id` = `aa`.`article_id` WHERE `a`.`published_revision_id` IS NOT NULL;
--> statement-breakpoint
UPDATE `articles` SET `published_section_id` = `section_id`, `published_issue_id` = `issue_id`, `modified_at` = `published_at` WHERE `published_revision_id` IS NOT NULL;
