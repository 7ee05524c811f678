CREATE TABLE `entity_id_redirects` (
	`old_id` integer PRIMARY KEY NOT NULL,
	`entity_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
