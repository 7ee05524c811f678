CREATE TABLE `cache_tag_expirations` (
	`tag` text PRIMARY KEY NOT NULL,
	`stale_at` integer NOT NULL,
	`expired_at` integer,
	`revision` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cache_tag_expirations_revision_idx` ON `cache_tag_expirations` (`revision`);