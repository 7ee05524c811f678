import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db/client';
import { articleEntities, articles } from '@/db/schema';
import { pruneSearchFactsChanges } from '@/lib/site/search/prune-search-facts-changes';
import { MOST_VERSIONS_MERGED, searchFactsSnapshot, type SearchFactsSnapshot } from '@/lib/site/search/search-facts-snapshot';
import { createTestArticle, createTestIssue, createTestSection, refreshTestSnapshot } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { withTempDatabase } from '../factories/temp-database';

/**
 * A server process keeps the search facts in memory and, after a publication, reads again only the articles
 * that changed. What it then holds must be what a process loading everything would hold: same articles, same
 * date order, same section, issue, year and tags for each. The second connection below is that other process.
 */

withTempDatabase();

const others: Database.Database[] = [];
afterEach(() => {
  for (const other of others.splice(0)) other.close();
});

/** The facts of a snapshot by article, in position order, with codes turned back into ids. */
function factsOf(snapshot: SearchFactsSnapshot) {
  return Array.from({ length: snapshot.count }, (_, position) => ({
    articleId: snapshot.articleId[position],
    publishedAt: snapshot.publishedAt[position],
    year: snapshot.year[position],
    sectionId: snapshot.idOfCode.section[snapshot.sectionCode[position]!] || null,
    issueId: snapshot.idOfCode.issue[snapshot.issueCode[position]!] || null,
    entityIds: Array.from(snapshot.entityCode.subarray(snapshot.tagStart[position], snapshot.tagStart[position + 1]), (code) => snapshot.idOfCode.entity[code]).sort(),
  }));
}

/** The facts as a process that has kept nothing loads them. */
function loadedWhole(): SearchFactsSnapshot {
  const other = new Database(getSqlite().name, { readonly: true });
  others.push(other);
  const snapshot = searchFactsSnapshot(other);
  expect(snapshot.articlesRead).toBe(snapshot.count);
  return snapshot;
}

const positionOf = (snapshot: SearchFactsSnapshot, articleId: number) => Array.from(snapshot.articleId).indexOf(articleId);

describe('search facts kept by a process', () => {
  it('reads again only the articles changed since, and then holds what a whole load holds', () => {
    const news = createTestSection('News');
    const analysis = createTestSection('Analysis');
    const issue = createTestIssue();
    const iran = createTestEntity({ kind: 'country', name: 'Iran' });
    const iraq = createTestEntity({ kind: 'country', name: 'Iraq' });
    const oldest = createTestArticle({ title: 'Oldest', sectionId: news, entityIds: [iran.id], publishedAt: new Date('2021-02-01T10:00:00Z') });
    const middle = createTestArticle({ title: 'Middle', sectionId: analysis, issueId: issue.id, publishedAt: new Date('2023-05-01T10:00:00Z') });
    const leaving = createTestArticle({ title: 'Leaving', entityIds: [iraq.id], publishedAt: new Date('2024-01-01T10:00:00Z') });
    const sameTime = new Date('2022-03-03T03:03:03Z');
    const tiedLow = createTestArticle({ title: 'Tied low', publishedAt: sameTime });
    const first = searchFactsSnapshot(getSqlite());
    expect(factsOf(first)).toEqual(factsOf(loadedWhole()));
    expect(first.count).toBe(4);

    // A publication between two dates, one that ties another's time (the higher id goes first), one unpublished,
    // one moved back in time and into another section, and one given other tags.
    const between = createTestArticle({ title: 'Between', sectionId: news, entityIds: [iran.id, iraq.id], publishedAt: new Date('2022-06-01T10:00:00Z') });
    const tiedHigh = createTestArticle({ title: 'Tied high', issueId: issue.id, publishedAt: sameTime });
    getDb().update(articles).set({ status: 'unpublished' }).where(eq(articles.id, leaving.id)).run();
    getDb().update(articles).set({ publishedAt: new Date('2020-01-01T00:00:00Z'), publishedSectionId: news }).where(eq(articles.id, middle.id)).run();
    getDb().delete(articleEntities).where(eq(articleEntities.articleId, oldest.id)).run();
    getDb().insert(articleEntities).values({ articleId: oldest.id, entityId: iraq.id, source: 'manual' }).run();
    refreshTestSnapshot(oldest.id);

    const merged = searchFactsSnapshot(getSqlite());
    const whole = loadedWhole();
    expect(merged.articlesRead).toBe(5);
    expect(factsOf(merged)).toEqual(factsOf(whole));
    expect(factsOf(merged).map((facts) => facts.articleId)).toEqual([between.id, tiedHigh.id, tiedLow.id, oldest.id, middle.id]);
    expect(positionOf(merged, leaving.id)).toBe(-1);
    expect(factsOf(merged)[positionOf(merged, oldest.id)]!.entityIds).toEqual([iraq.id]);
    expect(factsOf(merged)[positionOf(merged, middle.id)]).toMatchObject({ sectionId: news, issueId: issue.id, year: 2020 });

    // Nothing changed: the kept facts answer as they are.
    expect(searchFactsSnapshot(getSqlite())).toBe(merged);
  });

  it('loads the facts whole when the list of changes no longer reaches back to the kept version', () => {
    createTestArticle({ title: 'Kept', publishedAt: new Date('2024-01-01T10:00:00Z') });
    expect(searchFactsSnapshot(getSqlite()).count).toBe(1);
    const added = createTestArticle({ title: 'Added', publishedAt: new Date('2025-01-01T10:00:00Z') });
    // As if the worker had pruned the list past this process's version.
    getSqlite().prepare('delete from search_facts_changes').run();

    const after = searchFactsSnapshot(getSqlite());
    expect(after.articlesRead).toBe(2);
    expect(factsOf(after)).toEqual(factsOf(loadedWhole()));
    expect(after.articleId[0]).toBe(added.id);
  });

  it('is pruned by the worker to the versions a process would still merge', () => {
    const sqlite = getSqlite();
    const article = createTestArticle({ title: 'Often moved' });
    for (let day = 1; day <= 40; day += 1) getDb().update(articles).set({ publishedAt: new Date(Date.UTC(2025, 0, day)) }).where(eq(articles.id, article.id)).run();
    // As if the facts had moved many more times since: only the last ten of these moves are recent enough to merge.
    sqlite.prepare('update search_facts_version set version = version + ?').run(MOST_VERSIONS_MERGED - 10);
    const current = Number(sqlite.prepare('select version from search_facts_version').pluck().get());
    const listedAfter = (version: number) => sqlite.prepare('select count(*) from search_facts_changes where version > ?').pluck().get(version) as number;
    const recent = listedAfter(current - MOST_VERSIONS_MERGED);
    const all = listedAfter(0);
    expect(recent).toBeGreaterThan(0);
    expect(all).toBeGreaterThan(recent);

    expect(pruneSearchFactsChanges()).toBe(all - recent);
    expect(listedAfter(0)).toBe(recent);
    expect(pruneSearchFactsChanges()).toBe(0);
  });
});
