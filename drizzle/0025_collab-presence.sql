CREATE TABLE `collab_presence` (
	`article_id` integer NOT NULL,
	`origin` text NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`caret` text,
	`joined_at` integer NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`article_id`, `origin`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
