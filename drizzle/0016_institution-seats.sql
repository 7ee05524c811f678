CREATE TABLE `institution_seats` (
	`institution_id` integer NOT NULL,
	`subscriber_id` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`institution_id`, `subscriber_id`),
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `institution_seats_recent` ON `institution_seats` (`institution_id`,`last_seen_at`);