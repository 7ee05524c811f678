-- The words the full-text index holds, one row each (`fts5vocab`, kind 'row'): a search looks up which words
-- begin with the prefix a reader's last word makes (lib/site/search/settle-last-prefix.ts). It stores nothing
-- of its own. Written by hand: drizzle cannot describe virtual tables.
CREATE VIRTUAL TABLE `article_search_vocab` USING fts5vocab('article_search', 'row');
