CREATE TABLE `collab_documents` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`compacted_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `collab_updates` (
	`article_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`update` blob NOT NULL,
	`user_id` integer,
	`origin` text DEFAULT '' NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`article_id`, `seq`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `collab_updates_user_idx` ON `collab_updates` (`user_id`);