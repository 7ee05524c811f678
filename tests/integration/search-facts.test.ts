import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db/client';
import { articles, articleSearchFacts, sections } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

/**
 * `article_search_facts` is what a search counts and filters by, so it must say exactly what the articles rows
 * say, for exactly the public articles, after any write: kept by triggers, filled for existing rows by its migration.
 */

withTempDatabase();

/** The facts as the articles table states them, for every public article. */
function expectedFacts() {
  return getDb()
    .select({ articleId: articles.id, publishedAt: articles.publishedAt, sectionId: articles.publishedSectionId, issueId: articles.publishedIssueId })
    .from(articles)
    .where(isPublicArticle())
    .orderBy(articles.id)
    .all()
    .map((row) => ({
      articleId: row.articleId,
      publishedAt: row.publishedAt!.getTime(),
      publishedYear: row.publishedAt!.getUTCFullYear(),
      publishedSectionId: row.sectionId,
      publishedIssueId: row.issueId,
    }));
}

function storedFacts() {
  return getDb().select().from(articleSearchFacts).orderBy(articleSearchFacts.articleId).all();
}

describe('search facts', () => {
  it('holds one row per public article with its date, year, section and issue, whatever changes the article', () => {
    const db = getDb();
    const news = createTestSection('News');
    const issue = createTestIssue();
    const first = createTestArticle({ title: 'First', sectionId: news, publishedAt: new Date('2024-12-31T23:30:00Z') });
    const second = createTestArticle({ title: 'Second', issueId: issue.id });
    createTestArticle({ title: 'Draft', status: 'draft' });
    expect(storedFacts()).toEqual(expectedFacts());
    expect(storedFacts().map((row) => row.articleId)).toEqual([first.id, second.id]);
    expect(storedFacts()[0]!.publishedYear).toBe(2024);

    // Joining an issue after publication, as publishing the issue does, changes only the published issue.
    db.update(articles).set({ publishedIssueId: issue.id }).where(eq(articles.id, first.id)).run();
    expect(storedFacts()).toEqual(expectedFacts());

    db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, second.id)).run();
    expect(storedFacts().map((row) => row.articleId)).toEqual([first.id]);

    db.update(articles).set({ status: 'published', publishedAt: new Date('2026-01-01T00:00:00Z') }).where(eq(articles.id, second.id)).run();
    expect(storedFacts()).toEqual(expectedFacts());

    // A removed section leaves its articles without one, in the facts as in the articles.
    db.update(articles).set({ sectionId: null, publishedSectionId: null }).where(eq(articles.id, first.id)).run();
    db.delete(sections).where(eq(sections.id, news)).run();
    expect(storedFacts()).toEqual(expectedFacts());

    db.delete(articles).where(eq(articles.id, second.id)).run();
    expect(storedFacts()).toEqual(expectedFacts());
    expect(storedFacts()).toHaveLength(1);
  });

  it('is filled for the articles already published when its migration runs', () => {
    createTestArticle({ title: 'Old one', publishedAt: new Date('2019-06-01T00:00:00Z') });
    createTestArticle({ title: 'Old two', sectionId: createTestSection('Features') });
    createTestArticle({ title: 'Old draft', status: 'draft' });
    getSqlite().exec('delete from article_search_facts');
    const migration = fs.readFileSync(path.join(process.cwd(), 'drizzle/0021_search-facts-triggers.sql'), 'utf8');
    const fill = migration.split('--> statement-breakpoint').at(-1)!;
    getSqlite().exec(fill);
    expect(storedFacts()).toEqual(expectedFacts());
    expect(storedFacts()).toHaveLength(2);
  });
});
