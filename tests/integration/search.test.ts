import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, contributors, revisions } from '@/db/schema';
import { searchArticles, type SearchOutcome } from '@/lib/site/search/search-articles';
import { createTestArticle, createTestIssue, createTestSection, refreshTestSnapshot } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

/** A published article with a dek, byline and tags in its published snapshot, indexed as publishing does. */
function publish({
  title,
  dek = '',
  text = 'Body text.',
  publishedAt,
  sectionId = null,
  issueId = null,
  authorIds = [],
  entityIds = [],
}: {
  title: string;
  dek?: string;
  text?: string;
  publishedAt?: Date;
  sectionId?: number | null;
  issueId?: number | null;
  authorIds?: number[];
  entityIds?: number[];
}): { id: number; slug: string } {
  const article = createTestArticle({ title, text, publishedAt, sectionId, issueId, authorContributorIds: authorIds, entityIds });
  if (dek) {
    getDb().update(articles).set({ dek }).where(eq(articles.id, article.id)).run();
    getDb().update(revisions).set({ dek }).where(eq(revisions.articleId, article.id)).run();
    refreshTestSnapshot(article.id);
  }
  return article;
}

function contributor(name: string): number {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  return getDb().insert(contributors).values({ name, slug }).returning({ id: contributors.id }).get().id;
}

function found(outcome: SearchOutcome) {
  if (outcome.status !== 'searched') throw new Error(`expected a search, got ${outcome.status}`);
  return outcome;
}

function titlesFor(q: string, options: Omit<Parameters<typeof searchArticles>[0], 'q'> = {}): string[] {
  return found(searchArticles({ q, ...options })).results.map((result) => result.title);
}

describe('finding articles', () => {
  it('finds a published article by a word in its title, dek, body, byline or a tag’s name or alias', () => {
    const agency = createTestEntity({ kind: 'organization', name: 'International Atomic Energy Agency', aliases: ['IAEA'] });
    publish({ title: 'Inspectors return to Zaporizhzhia', dek: 'A fragile arrangement', text: 'The reactors are in cold shutdown.', authorIds: [contributor('Daryl Kimball')], entityIds: [agency.id] });
    publish({ title: 'Unrelated piece', text: 'Nothing to see.' });

    for (const q of ['Zaporizhzhia', 'fragile', 'shutdown', 'Kimball', 'IAEA', 'atomic energy']) {
      expect(titlesFor(q), q).toEqual(['Inspectors return to Zaporizhzhia']);
    }
  });

  it('ranks a match in the title above the same word in the body', () => {
    publish({ title: 'A long report on budgets', text: 'Verification appears once here.', publishedAt: new Date('2025-05-01T00:00:00Z') });
    publish({ title: 'Verification at last', text: 'Nothing else.', publishedAt: new Date('2025-01-01T00:00:00Z') });
    expect(titlesFor('verification')).toEqual(['Verification at last', 'A long report on budgets']);
    expect(titlesFor('verification', { sort: 'newest' })).toEqual(['A long report on budgets', 'Verification at last']);
  });

  it('keeps quoted words together as a phrase', () => {
    publish({ title: 'New START expires', text: 'The treaty known as New START ends in February.' });
    publish({ title: 'A start on something new', text: 'Start here; new things follow.' });
    expect(titlesFor('"new start"')).toEqual(['New START expires']);
    expect(titlesFor('new start').sort()).toEqual(['A start on something new', 'New START expires']);
  });

  it('matches the last word as a prefix, so a half-typed word already finds', () => {
    publish({ title: 'Kazakhstan closes the test site', text: 'Semipalatinsk.' });
    expect(titlesFor('Kazakh')).toEqual(['Kazakhstan closes the test site']);
    expect(titlesFor('Semipal')).toEqual(['Kazakhstan closes the test site']);
    expect(titlesFor('Kazakh test')).toEqual([]);
  });

  it('ignores accents both ways: Kazakhstan finds Kazakhstán and the reverse', () => {
    publish({ title: 'Kazakhstán signs', text: 'Astana.' });
    publish({ title: 'Kazakhstan ratifies', text: 'Astana.' });
    expect(titlesFor('Kazakhstan ').sort()).toEqual(['Kazakhstan ratifies', 'Kazakhstán signs']);
    expect(titlesFor('KAZAKHSTÁN ').sort()).toEqual(['Kazakhstan ratifies', 'Kazakhstán signs']);
  });

  it('marks the matched words in title and snippet and escapes everything else', () => {
    publish({ title: 'Q&A: <b>uranium</b> enrichment', text: 'Enrichment to 60% <script>alert(1)</script> is close to weapons grade. More enrichment.' });
    const [result] = found(searchArticles({ q: 'enrichment' })).results;
    expect(result!.titleHtml).toBe('Q&amp;A: &lt;b&gt;uranium&lt;/b&gt; <mark>enrichment</mark>');
    expect(result!.snippetHtml).toContain('<mark>Enrichment</mark> to 60% &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(result!.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
  });
});

describe('forgiving input', () => {
  it('treats stray operators and syntax characters as words or spaces, never as an error', () => {
    publish({ title: 'Arms control and disarmament', text: 'Not or and near.' });
    const queries = ['AND', 'OR', 'NOT', 'NEAR', '(', ')', '*', '"', '^', ':', 'AND OR NOT ( ) * " ^ :', 'arms AND', 'NOT arms', 'title:arms', '^arms', 'arms*', '(arms', 'arms)', '-arms', 'arms + control', 'NEAR(arms control)', '{title}: arms'];
    for (const q of queries) {
      expect(() => searchArticles({ q }), q).not.toThrow();
    }
    expect(titlesFor('NOT arms')).toEqual(['Arms control and disarmament']);
    expect(titlesFor('arms:control')).toEqual(['Arms control and disarmament']);
    expect(titlesFor('title:arms')).toEqual([]);
    expect(titlesFor('(arms')).toEqual(['Arms control and disarmament']);
    expect(titlesFor('arms OR nothingmatchesthis')).toEqual([]);
  });

  it('treats an unbalanced quote as a space', () => {
    publish({ title: 'New START expires', text: 'In February.' });
    expect(titlesFor('"new start')).toEqual(['New START expires']);
    expect(titlesFor('new" start')).toEqual(['New START expires']);
    expect(titlesFor('"new" "start')).toEqual(['New START expires']);
  });

  it('answers an empty or wordless query with the empty state, not an error', () => {
    publish({ title: 'Anything' });
    for (const q of ['', '   ', '""', '* ^ : ( )', '"""']) {
      expect(searchArticles({ q }).status, JSON.stringify(q)).toBe('empty');
    }
  });

  it('answers a 5,000-character query quickly, using only its first words', () => {
    publish({ title: 'Treaty verification', text: 'Inspections and data exchanges.' });
    const q = `treaty ${'verification inspections data '.repeat(200)}`.slice(0, 5_000);
    expect(q).toHaveLength(5_000);
    const started = performance.now();
    const outcome = found(searchArticles({ q }));
    expect(performance.now() - started).toBeLessThan(250);
    expect(outcome.isTruncated).toBe(true);
    expect(outcome.terms.length).toBeLessThanOrEqual(12);
    expect(outcome.results.map((result) => result.title)).toEqual(['Treaty verification']);
  });
});

describe('facets and pages', () => {
  it('counts matches by section, year, issue and entity, and narrows by each', () => {
    const news = createTestSection('News');
    const analysis = createTestSection('Analysis');
    const april = createTestIssue({ coverDate: '2025-04-01' });
    const planned = createTestIssue({ status: 'planning', coverDate: '2025-06-01' });
    const iran = createTestEntity({ kind: 'country', name: 'Iran' });
    publish({ title: 'Sanctions one', sectionId: news, issueId: april.id, entityIds: [iran.id], publishedAt: new Date('2025-04-02T00:00:00Z') });
    publish({ title: 'Sanctions two', sectionId: news, entityIds: [iran.id], publishedAt: new Date('2024-03-02T00:00:00Z') });
    publish({ title: 'Sanctions three', sectionId: analysis, issueId: planned.id, publishedAt: new Date('2024-05-02T00:00:00Z') });
    publish({ title: 'Something else', sectionId: analysis, entityIds: [iran.id] });

    const outcome = found(searchArticles({ q: 'sanctions' }));
    expect(outcome.total).toBe(3);
    const counts = (values: { label: string; count: number }[]) => values.map((value) => [value.label, value.count]);
    expect(counts(outcome.facets.sections)).toEqual([['News', 2], ['Analysis', 1]]);
    expect(counts(outcome.facets.years)).toEqual([['2025', 1], ['2024', 2]]);
    expect(counts(outcome.facets.issues)).toEqual([[expect.stringMatching(/^Issue/), 1]]);
    expect(counts(outcome.facets.entities)).toEqual([['Iran (country)', 2]]);

    const section = outcome.facets.sections.find((value) => value.label === 'Analysis')!;
    expect(titlesFor('sanctions', { filters: section.filters })).toEqual(['Sanctions three']);
    const year = outcome.facets.years.find((value) => value.label === '2024')!;
    expect(titlesFor('sanctions', { filters: year.filters }).sort()).toEqual(['Sanctions three', 'Sanctions two']);
    const entity = outcome.facets.entities[0]!;
    const narrowed = found(searchArticles({ q: 'sanctions', filters: entity.filters }));
    expect(narrowed.results.map((result) => result.title).sort()).toEqual(['Sanctions one', 'Sanctions two']);
    expect(narrowed.activeFilters).toEqual([{ key: 'entity', label: 'Iran (country)' }]);
    expect(narrowed.facets.entities[0]).toMatchObject({ label: 'Iran (country)', isSelected: true });
  });

  it('drops filters that name nothing instead of showing no results', () => {
    publish({ title: 'Sanctions one' });
    const outcome = found(searchArticles({ q: 'sanctions', filters: { section: 'no-such-section', entity: { kind: 'country', slug: 'atlantis' } } }));
    expect(outcome.total).toBe(1);
    expect(outcome.request.filters).toEqual({});
  });

  it('pages through results twenty at a time', () => {
    for (let day = 1; day <= 45; day += 1) publish({ title: `Missile note ${day}`, publishedAt: new Date(Date.UTC(2025, 0, day)) });
    const first = found(searchArticles({ q: 'missile', sort: 'newest' }));
    expect(first).toMatchObject({ total: 45, pageCount: 3, page: 1 });
    expect(first.results).toHaveLength(20);
    expect(first.results[0]!.title).toBe('Missile note 45');
    const third = found(searchArticles({ q: 'missile', sort: 'newest', page: 3 }));
    expect(third.results.map((result) => result.title)).toEqual(['Missile note 5', 'Missile note 4', 'Missile note 3', 'Missile note 2', 'Missile note 1']);
    expect(found(searchArticles({ q: 'missile', page: 9 })).results).toEqual([]);
  });
});

describe('what the index holds', () => {
  it('never holds drafts, articles in review or scheduled ones', () => {
    for (const status of ['draft', 'in_review', 'approved', 'scheduled', 'unpublished'] as const) {
      createTestArticle({ title: `Hidden ${status}`, status });
    }
    expect(found(searchArticles({ q: 'hidden' })).total).toBe(0);
    expect(getDb().get<{ rows: number }>(sql`select count(*) as rows from article_search`)!.rows).toBe(0);
  });
});
