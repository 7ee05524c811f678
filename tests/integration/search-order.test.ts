import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';
import { searchArticles, type SearchOutcome } from '@/lib/site/search/search-articles';
import type { SearchFilters, SearchSort } from '@/lib/site/search/search-request';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { seededRandom } from '../factories/seeded-random';
import { withTempDatabase } from '../factories/temp-database';

/**
 * What readers get from a search must not change when the search gets faster: for a fixed corpus and a set of
 * queries of every shape, the rows, their order, the totals and the facet counts are compared with the answers
 * recorded in `__snapshots__/search-order.json` before the search was reworked for speed.
 */

withTempDatabase();

const WORDS = ['treaty', 'nuclear', 'arms', 'control', 'missile', 'verification', 'sanctions', 'uranium', 'inspection', 'summit', 'delegation', 'reactor'];
const FILLER = ['the', 'of', 'and', 'to', 'in', 'that', 'was', 'for', 'on', 'with'];

type Shape = { q: string; sort?: SearchSort; page?: number; filters?: SearchFilters };

describe('search answers', () => {
  it('lists the same articles in the same order, with the same totals and facet counts, for every query shape', async () => {
    const { entitySlug, sectionSlug, issueSlug } = seedCorpus();
    const shapes: Shape[] = [
      { q: 'treaty' },
      { q: 'the' },
      { q: 'treaty', sort: 'newest' },
      { q: 'nuclear treaty' },
      { q: 'arms control verification' },
      { q: '"arms control"' },
      { q: 'ver' },
      { q: 'sanc' },
      { q: 'Sterling' },
      { q: 'treaty', page: 2 },
      { q: 'the', page: 3, sort: 'newest' },
      { q: 'nuclear', filters: { section: sectionSlug } },
      { q: 'nuclear', filters: { year: 2023 } },
      { q: 'nuclear', filters: { issue: issueSlug } },
      { q: 'missile', filters: { entity: { kind: 'country', slug: entitySlug } } },
      { q: 'summit reactor', filters: { section: sectionSlug, year: 2024 } },
    ];
    const answers = shapes.map((shape) => ({ shape, answer: summarize(searchArticles(shape)) }));
    await expect(JSON.stringify(answers, null, 2)).toMatchFileSnapshot('./__snapshots__/search-order.json');
  });
});

/** The parts of an answer a reader sees, without timings. */
function summarize(outcome: SearchOutcome) {
  if (outcome.status !== 'searched') return { status: outcome.status };
  return {
    total: outcome.total,
    pageCount: outcome.pageCount,
    results: outcome.results.map((result) => ({ title: result.title, snippet: result.snippetHtml, section: result.section?.name ?? null, issue: result.issue?.title ?? null })),
    facets: Object.fromEntries(Object.entries(outcome.facets).map(([name, values]) => [name, values.map((value) => `${value.label}: ${value.count}`)])),
  };
}

/** 240 articles whose words, dates, sections, issues and tags come from a fixed sequence, so every run builds the same site. */
function seedCorpus() {
  const random = seededRandom(7);
  const pick = <Item>(items: Item[]) => items[Math.floor(random() * items.length)]!;
  const sectionIds = ['News', 'Features', 'Analysis'].map((name) => createTestSection(name));
  const issues = ['2023-03-01', '2023-09-01', '2024-02-01', '2024-10-01'].map((coverDate) => createTestIssue({ coverDate }));
  const countries = ['Iran', 'Norway', 'Chile', 'Japan', 'Kenya'].map((name) => createTestEntity({ kind: 'country', name }));
  const sentence = (length: number) => Array.from({ length }, () => (random() < 0.4 ? pick(FILLER) : pick(WORDS))).join(' ');
  for (let index = 0; index < 240; index += 1) {
    const tags = countries.filter(() => random() < 0.3).map((country) => country.id);
    createTestArticle({
      title: `${sentence(3 + Math.floor(random() * 4))} ${index}`,
      text: `${sentence(20 + Math.floor(random() * 60))}${index % 17 === 0 ? ' Sterling' : ''}.`,
      publishedAt: new Date(Date.UTC(2022 + Math.floor(random() * 3), Math.floor(random() * 12), 1 + Math.floor(random() * 28), Math.floor(random() * 24))),
      sectionId: random() < 0.8 ? pick(sectionIds) : null,
      issueId: random() < 0.6 ? pick(issues).id : null,
      entityIds: tags,
    });
  }
  return { entitySlug: countries[0]!.slug, sectionSlug: sectionSlugOf(sectionIds[0]!), issueSlug: issues[1]!.slug };
}

function sectionSlugOf(sectionId: number): string {
  return getDb().select({ slug: sections.slug }).from(sections).where(eq(sections.id, sectionId)).get()!.slug;
}
