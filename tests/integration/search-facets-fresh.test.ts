import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleEntities, entities, sections } from '@/db/schema';
import { searchArticles, type SearchOutcome } from '@/lib/site/search/search-articles';
import { createTestArticle, createTestSection, refreshTestSnapshot } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { withTempDatabase } from '../factories/temp-database';

/**
 * Search counts its facets and orders "newest first" from facts each server process keeps in memory. These
 * tests change what is published between two searches in the same process and compare the second answer
 * with the database: a process that kept answering from the facts it loaded first would fail them.
 */

withTempDatabase();

function searched(outcome: SearchOutcome) {
  if (outcome.status !== 'searched') throw new Error(`expected a search, got ${outcome.status}`);
  return outcome;
}

const facetCounts = (values: { label: string; count: number }[]) => Object.fromEntries(values.map((value) => [value.label, value.count]));

describe('search facets after a change', () => {
  it('counts an article published after the last search, and lists it first by date', () => {
    const news = createTestSection('News');
    const iran = createTestEntity({ kind: 'country', name: 'Iran' });
    createTestArticle({ title: 'Sanctions on oil', text: 'Sanctions on exports.', sectionId: news, entityIds: [iran.id], publishedAt: new Date('2024-03-01T10:00:00Z') });
    const before = searched(searchArticles({ q: 'sanctions', sort: 'newest' }));
    expect(before.total).toBe(1);

    const analysis = createTestSection('Analysis');
    const iraq = createTestEntity({ kind: 'country', name: 'Iraq' });
    createTestArticle({ title: 'Sanctions lifted', text: 'Sanctions were lifted.', sectionId: analysis, entityIds: [iran.id, iraq.id], publishedAt: new Date('2025-06-01T10:00:00Z') });
    const after = searched(searchArticles({ q: 'sanctions', sort: 'newest' }));

    expect(after.total).toBe(2);
    expect(after.results.map((result) => result.title)).toEqual(['Sanctions lifted', 'Sanctions on oil']);
    const sectionNames = new Map(getDb().select().from(sections).all().map((section) => [section.id, section.name]));
    expect(facetCounts(after.facets.sections)).toEqual({ [sectionNames.get(news)!]: 1, [sectionNames.get(analysis)!]: 1 });
    expect(facetCounts(after.facets.years)).toEqual({ 2024: 1, 2025: 1 });
    expect(facetCounts(after.facets.entities)).toEqual({ 'Iran (country)': 2, 'Iraq (country)': 1 });
  });

  it('follows a republished article’s tags', () => {
    const iran = createTestEntity({ kind: 'country', name: 'Iran' });
    const iraq = createTestEntity({ kind: 'country', name: 'Iraq' });
    const first = createTestArticle({ title: 'Inspections resume', text: 'Inspections resumed.', entityIds: [iran.id] });
    createTestArticle({ title: 'Inspections halted', text: 'Inspections halted.', entityIds: [iran.id] });
    expect(facetCounts(searched(searchArticles({ q: 'inspections' })).facets.entities)).toEqual({ 'Iran (country)': 2 });

    getDb().delete(articleEntities).where(eq(articleEntities.articleId, first.id)).run();
    getDb().insert(articleEntities).values({ articleId: first.id, entityId: iraq.id, source: 'manual' }).run();
    refreshTestSnapshot(first.id);
    expect(facetCounts(searched(searchArticles({ q: 'inspections' })).facets.entities)).toEqual({ 'Iran (country)': 1, 'Iraq (country)': 1 });
  });

  it('counts and orders articles and entities whose ids are far apart, as an import that kept another site’s ids leaves them', () => {
    const iran = createTestEntity({ kind: 'country', name: 'Iran' });
    createTestArticle({ title: 'Reactor talks', text: 'Reactor talks resume.', entityIds: [iran.id], publishedAt: new Date('2023-01-01T10:00:00Z') });
    // The next ids are in the billions, past any array one could size by id.
    getDb().run(sql`update sqlite_sequence set seq = 9000000000 where name in ('articles', 'entities')`);
    const iraq = createTestEntity({ kind: 'country', name: 'Iraq' });
    const far = createTestArticle({ title: 'Reactor closed', text: 'The reactor closed.', entityIds: [iran.id, iraq.id], publishedAt: new Date('2024-01-01T10:00:00Z') });
    expect(far.id).toBeGreaterThan(9_000_000_000);
    expect(iraq.id).toBeGreaterThan(9_000_000_000);

    const newest = searched(searchArticles({ q: 'reactor', sort: 'newest' }));
    expect(newest.results.map((result) => [result.id, result.title])).toEqual([
      [far.id, 'Reactor closed'],
      [expect.any(Number), 'Reactor talks'],
    ]);
    expect(facetCounts(newest.facets.entities)).toEqual({ 'Iran (country)': 2, 'Iraq (country)': 1 });
    expect(facetCounts(newest.facets.years)).toEqual({ 2023: 1, 2024: 1 });
  });

  it('shows the twelve most frequent approved entities, leaving out one waiting for approval however often it is tagged', () => {
    const tagged = Array.from({ length: 14 }, (_, index) => createTestEntity({ kind: 'topic', name: `Topic ${String.fromCharCode(65 + index)}` }));
    const pending = createTestEntity({ kind: 'topic', name: 'Pending topic' });
    getDb().update(entities).set({ status: 'pending' }).where(eq(entities.id, pending.id)).run();
    // Topic A is tagged on 15 articles, B on 14, and so on down to N on 2; the pending topic on all 15.
    for (let index = 0; index < 15; index += 1) {
      createTestArticle({ title: `Summit ${index}`, text: 'The summit met.', entityIds: [pending.id, ...tagged.filter((_, rank) => rank < 15 - index).map((topic) => topic.id)] });
    }
    const facets = searched(searchArticles({ q: 'summit' })).facets.entities;
    expect(facets.map((facet) => `${facet.label}: ${facet.count}`)).toEqual(
      tagged.slice(0, 12).map((topic, rank) => `${topic.name} (topic): ${15 - rank}`),
    );
  });
});
