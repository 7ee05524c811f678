-- Full-text index of published articles (the search domain keeps it in step with publication).
-- One row per published article; rowid = article id. Drizzle cannot describe FTS5 tables, so this one is written by hand.
CREATE VIRTUAL TABLE `article_search` USING fts5(
	`title`,
	`dek`,
	`body`,
	`authors`,
	`entities`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
