import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import { articles } from './articles';

/**
 * What a search counts and orders its matches by, one narrow row per public article: the articles row also
 * holds the working copy's document and text, so reading these few columns from it costs a page or more per
 * match. Kept by triggers on `articles` (drizzle/0021_search-facts-triggers.sql), never written by the app.
 */
export const articleSearchFacts = sqliteTable('article_search_facts', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  publishedAt: integer('published_at').notNull(),
  /** The UTC year of `publishedAt`, as the year facet and filter count it. */
  publishedYear: integer('published_year').notNull(),
  publishedSectionId: integer('published_section_id'),
  publishedIssueId: integer('published_issue_id'),
});

export type ArticleSearchFacts = typeof articleSearchFacts.$inferSelect;
