CREATE TABLE `csp_violations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fingerprint` text NOT NULL,
	`directive` text NOT NULL,
	`blocked_url` text NOT NULL,
	`document_url` text NOT NULL,
	`source_file` text DEFAULT '' NOT NULL,
	`line_number` integer,
	`column_number` integer,
	`sample` text DEFAULT '' NOT NULL,
	`disposition` text NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `csp_violations_fingerprint` ON `csp_violations` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `csp_violations_last_seen` ON `csp_violations` (`last_seen_at`);