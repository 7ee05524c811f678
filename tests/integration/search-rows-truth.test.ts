import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { articles, issues, revisions, sections } from '@/db/schema';
import { seedDemoMagazine } from '@/scripts/seed/seed-demo-magazine';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { ensureSearchIndex } from '@/lib/site/search/ensure-search-index';
import { searchArticles, type SearchResult } from '@/lib/site/search/search-articles';
import { makeTempFolder } from '../factories/temp-database';

/**
 * What a reader sees in each search result row (title, dek, snippet, date, section, issue, link) is read
 * back against the published record it links to. Every row must describe the article its link opens.
 */

type PublishedRecord = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  bodyText: string;
  publishedAt: Date;
  sectionSlug: string | null;
  issueSlug: string | null;
};

let folder = '';
let published: Map<number, PublishedRecord>;

beforeAll(async () => {
  folder = makeTempFolder();
  process.env.DATABASE_PATH = path.join(folder, 'masthead.db');
  closeDb();
  await seedDemoMagazine(getDb());
  ensureSearchIndex();
  published = new Map(
    getDb()
      .select({
        id: articles.id,
        slug: revisions.slug,
        title: revisions.title,
        dek: revisions.dek,
        bodyText: revisions.bodyText,
        publishedAt: articles.publishedAt,
        sectionSlug: sections.slug,
        issueSlug: issues.slug,
        issueStatus: issues.status,
      })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
      .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
      .leftJoin(issues, eq(issues.id, articles.publishedIssueId))
      .where(and(isPublicArticle(), isNotNull(articles.publishedAt)))
      .all()
      .map((row) => [
        row.id,
        { ...row, publishedAt: row.publishedAt!, issueSlug: row.issueStatus === 'published' ? row.issueSlug : null },
      ]),
  );
}, 120_000);

afterAll(() => {
  closeDb();
  delete process.env.DATABASE_PATH;
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('search result rows against the published records', () => {
  it('every row of many multi-result searches shows the title, dek, snippet, date, section and issue of the article it links to', () => {
    const queries = queriesWithSeveralResults();
    expect(queries.length).toBeGreaterThanOrEqual(15);
    let rowsChecked = 0;
    for (const q of queries) {
      for (const sort of ['relevance', 'newest'] as const) {
        const outcome = searchArticles({ q, sort });
        if (outcome.status !== 'searched') throw new Error(`"${q}" was not searched`);
        expect(outcome.results.length, `"${q}" should find several articles`).toBeGreaterThan(1);
        expect(new Set(outcome.results.map((row) => row.id)).size, `"${q}": one row per article`).toBe(outcome.results.length);
        for (const row of outcome.results) {
          expectRowDescribesItsArticle({ q, row });
          rowsChecked += 1;
        }
      }
    }
    expect(rowsChecked).toBeGreaterThan(100);
  });

  it('searching the exact title of every published demo article finds that article first, under its own title', () => {
    expect(published.size).toBeGreaterThanOrEqual(20);
    for (const record of published.values()) {
      const outcome = searchArticles({ q: record.title });
      if (outcome.status !== 'searched') throw new Error(`"${record.title}" was not searched`);
      const [first] = outcome.results;
      expect(first?.slug, `searching "${record.title}"`).toBe(record.slug);
      expect(first?.title).toBe(record.title);
      expect(markedText(first?.titleHtml ?? '')).toBe(record.title);
    }
  });
});

function expectRowDescribesItsArticle({ q, row }: { q: string; row: SearchResult }) {
  const record = published.get(row.id);
  const context = `"${q}", row for article ${row.id}`;
  expect(record, `${context}: links to a published article`).toBeDefined();
  expect(row.slug, context).toBe(record!.slug);
  expect(row.title, context).toBe(record!.title);
  expect(markedText(row.titleHtml), context).toBe(record!.title);
  expect(markedText(row.dekHtml), context).toBe(record!.dek);
  expect(row.publishedAt.getTime(), context).toBe(record!.publishedAt.getTime());
  expect(row.section?.slug ?? null, context).toBe(record!.sectionSlug);
  expect(row.issue?.slug ?? null, context).toBe(record!.issueSlug);
  for (const piece of markedText(row.snippetHtml).split('…').map((part) => part.trim()).filter(Boolean)) {
    expect(record!.bodyText, `${context}: snippet "${piece}" comes from this article's text`).toContain(piece);
  }
}

/** The text a reader sees in a marked field: tags removed, entities decoded. */
function markedText(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Words that occur in the titles or text of several published articles, so each search has several rows to compare. */
function queriesWithSeveralResults(): string[] {
  const articlesPerWord = new Map<string, Set<number>>();
  for (const record of published.values()) {
    for (const word of `${record.title} ${record.dek} ${record.bodyText}`.toLowerCase().match(/\p{L}{6,}/gu) ?? []) {
      const ids = articlesPerWord.get(word) ?? new Set<number>();
      ids.add(record.id);
      articlesPerWord.set(word, ids);
    }
  }
  const shared = [...articlesPerWord.entries()]
    .filter(([, ids]) => ids.size >= 3)
    .sort(([leftWord, left], [rightWord, right]) => right.size - left.size || leftWord.localeCompare(rightWord))
    .map(([word]) => word);
  return ['treaty', 'nuclear', ...shared.slice(0, 25)];
}
