ALTER TABLE `contributors` ADD `affiliation` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `contributors` ADD `review_status` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE `contributors` ADD `added_by` integer REFERENCES users(id) ON DELETE set null;