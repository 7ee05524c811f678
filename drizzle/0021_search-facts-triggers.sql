-- Keeps article_search_facts in step with articles: one row per public article (published, with a published
-- snapshot and a publication date), whatever writes the articles row. Written by hand: drizzle cannot describe triggers.
CREATE TRIGGER `article_search_facts_after_insert` AFTER INSERT ON `articles`
WHEN new.`status` = 'published' AND new.`published_revision_id` IS NOT NULL AND new.`published_at` IS NOT NULL
BEGIN
	INSERT INTO `article_search_facts` (`article_id`, `published_at`, `published_year`, `published_section_id`, `published_issue_id`)
	VALUES (new.`id`, new.`published_at`, CAST(strftime('%Y', new.`published_at` / 1000, 'unixepoch') AS integer), new.`published_section_id`, new.`published_issue_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_facts_after_update` AFTER UPDATE OF `status`, `published_revision_id`, `published_at`, `published_section_id`, `published_issue_id` ON `articles`
BEGIN
	DELETE FROM `article_search_facts` WHERE `article_id` = old.`id`;
	INSERT INTO `article_search_facts` (`article_id`, `published_at`, `published_year`, `published_section_id`, `published_issue_id`)
	SELECT new.`id`, new.`published_at`, CAST(strftime('%Y', new.`published_at` / 1000, 'unixepoch') AS integer), new.`published_section_id`, new.`published_issue_id`
	WHERE new.`status` = 'published' AND new.`published_revision_id` IS NOT NULL AND new.`published_at` IS NOT NULL;
END;
--> statement-breakpoint
-- The articles already published when this migration runs.
INSERT INTO `article_search_facts` (`article_id`, `published_at`, `published_year`, `published_section_id`, `published_issue_id`)
SELECT `id`, `published_at`, CAST(strftime('%Y', `published_at` / 1000, 'unixepoch') AS integer), `published_section_id`, `published_issue_id`
FROM `articles`
WHERE `status` = 'published' AND `published_revision_id` IS NOT NULL AND `published_at` IS NOT NULL;
