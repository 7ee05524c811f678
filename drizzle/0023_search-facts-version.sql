-- A number that changes whenever the facts search counts facets from change: the public articles' facts
-- (date, year, section, issue) and their published tags. A server process keeps those facts in memory and
-- reloads them when this number is not the one it loaded with. Written by hand: drizzle cannot describe triggers.
CREATE TABLE `search_facts_version` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `search_facts_version` (`id`, `version`) VALUES (1, 1);
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_facts_insert` AFTER INSERT ON `article_search_facts`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_facts_update` AFTER UPDATE ON `article_search_facts`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_facts_delete` AFTER DELETE ON `article_search_facts`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_tags_insert` AFTER INSERT ON `published_article_entities`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_tags_update` AFTER UPDATE ON `published_article_entities`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_facts_version_after_tags_delete` AFTER DELETE ON `published_article_entities`
BEGIN
	UPDATE `search_facts_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
