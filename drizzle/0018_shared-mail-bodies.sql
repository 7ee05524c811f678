CREATE TABLE `mail_bodies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_bodies_campaign` ON `mail_bodies` (`campaign_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `body_id` integer REFERENCES mail_bodies(id);