-- Which articles each move of `search_facts_version` was about, so a server process that kept the facts at an
-- earlier version reads just those articles' facts again instead of all of them. The worker keeps the latest
-- moves only (lib/site/search/prune-search-facts-changes.ts); a process further behind loads the facts whole.
-- Written by hand: drizzle cannot describe triggers.
CREATE TABLE `search_facts_changes` (
	`version` integer NOT NULL,
	`article_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `search_facts_changes_version` ON `search_facts_changes` (`version`);
--> statement-breakpoint
DROP TRIGGER `search_facts_version_after_facts_insert`;
--> statement-breakpoint
DROP TRIGGER `search_facts_version_after_facts_update`;
--> statement-breakpoint
DROP TRIGGER `search_facts_version_after_facts_delete`;
--> statement-breakpoint
DROP TRIGGER `search_facts_version_after_tags_insert`;
--> statement-breakpoint
DROP TRIGGER `search_facts_version_after_tags_update`;
--> statement-breakpoint
DROP TRIGGER `search_facts_version_after_tags_delete`;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_facts_insert` AFTER INSERT ON `article_search_facts`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT INTO `search_facts_changes` (`version`, `article_id`) SELECT `version`, new.`article_id` FROM `search_facts_version` WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_facts_update` AFTER UPDATE ON `article_search_facts`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT INTO `search_facts_changes` (`version`, `article_id`)
	SELECT `version`, new.`article_id` FROM `search_facts_version` WHERE `id` = 1
	UNION ALL SELECT `version`, old.`article_id` FROM `search_facts_version` WHERE `id` = 1 AND old.`article_id` <> new.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_facts_delete` AFTER DELETE ON `article_search_facts`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT INTO `search_facts_changes` (`version`, `article_id`) SELECT `version`, old.`article_id` FROM `search_facts_version` WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_tags_insert` AFTER INSERT ON `published_article_entities`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT INTO `search_facts_changes` (`version`, `article_id`) SELECT `version`, new.`article_id` FROM `search_facts_version` WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_tags_update` AFTER UPDATE ON `published_article_entities`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT INTO `search_facts_changes` (`version`, `article_id`)
	SELECT `version`, new.`article_id` FROM `search_facts_version` WHERE `id` = 1
	UNION ALL SELECT `version`, old.`article_id` FROM `search_facts_version` WHERE `id` = 1 AND old.`article_id` <> new.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_tags_delete` AFTER DELETE ON `published_article_entities`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT INTO `search_facts_changes` (`version`, `article_id`) SELECT `version`, old.`article_id` FROM `search_facts_version` WHERE `id` = 1;
END;
