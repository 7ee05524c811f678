CREATE TABLE `article_search_facts` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`published_at` integer NOT NULL,
	`published_year` integer NOT NULL,
	`published_section_id` integer,
	`published_issue_id` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
