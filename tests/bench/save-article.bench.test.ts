import { afterAll, describe, expect, it } from 'vitest';
import { createArticle } from '@/lib/articles/create-article';
import { listRevisions } from '@/lib/articles/list-revisions';
import { saveArticle, type SaveResult } from '@/lib/articles/save-article';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { saveInput } from '../factories/draft';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';
import { benchLine, summarize, writeResults, type Summary } from './support/bench-stats';
import { buildLongArticle, varyLastParagraph } from './support/long-article-doc';

/**
 * Server time of one save of a 10,000-word article: request parsing, document validation, text
 * derivation and the transaction that writes the working copy and its revision, on a real SQLite
 * file. Each save carries a slightly different text on top of the version the previous one made.
 */

const SAVES = 200;
const WARMUP = 10;
/** Generous: a save this slow means something regressed badly, not that the machine is busy. */
const P95_LIMIT_MS = 250;

withTempDatabase();

const article = buildLongArticle({ words: 10_000 });
const docBytes = Buffer.byteLength(JSON.stringify(article.doc), 'utf8');
const results: Record<string, Summary> = {};
/** Median save time of each run of 50 consecutive saves: flat unless saves slow down as revisions pile up. */
let saveTrend: number[] = [];

async function newLongDraft(): Promise<{ actor: StaffIdentity; id: number }> {
  const actor = await createTestStaff({ role: 'author' });
  const created = createArticle({ actor, title: 'Ten thousand words on the treaty' });
  if (!created.ok) throw new Error(created.error);
  return { actor, id: created.id };
}

/** Saves WARMUP + SAVES times in a row and returns the timed results (warm-up excluded). */
function timeSaves({ actor, id, reason, clock }: { actor: StaffIdentity; id: number; reason: 'save' | 'autosave'; clock: (index: number) => number }) {
  const template = saveInput({ articleId: id, actor, body: article.doc, reason });
  let version = template.baseVersion;
  const timings: number[] = [];
  const outcomes: SaveResult[] = [];
  for (let index = 0; index < WARMUP + SAVES; index++) {
    const input = { ...template, baseVersion: version, body: varyLastParagraph(article.doc, index) };
    const now = clock(index);
    const started = performance.now();
    const result = saveArticle({ id, actor, input, now });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`Save ${index + 1} failed: ${result.error}`);
    version = result.version;
    if (index >= WARMUP) {
      timings.push(elapsed);
      outcomes.push(result);
    }
  }
  return { timings, outcomes, finalVersion: version };
}

describe('saving a 10,000-word article', () => {
  it('the document is the one described: valid and 10,000 words', () => {
    expect(validateArticleDoc(article.doc).ok).toBe(true);
    expect(article).toMatchObject({ words: 10_000, tables: 1, footnotes: 30 });
    expect(article.headings).toBeGreaterThanOrEqual(20);
    expect(article.bulletLists).toBeGreaterThanOrEqual(3);
  });

  it('explicit saves: each one a new revision on top of the last', async () => {
    const { actor, id } = await newLongDraft();
    const { timings, outcomes, finalVersion } = timeSaves({ actor, id, reason: 'save', clock: () => Date.now() });

    expect(outcomes.every((outcome) => outcome.ok && outcome.wordCount === 10_000 && !outcome.isCoalesced)).toBe(true);
    expect(finalVersion).toBe(1 + WARMUP + SAVES);
    // The revision made at creation, then one per save.
    expect(listRevisions({ articleId: id, actor })).toHaveLength(1 + WARMUP + SAVES);

    results.save = summarize(timings);
    saveTrend = [0, 50, 100, 150].map((from) => summarize(timings.slice(from, from + 50)).p50);
    console.log(benchLine('save-article 10k words', results.save));
    console.log(`BENCH save-article 10k words: p50 per 50 saves as revisions accumulate = ${saveTrend.map((ms) => `${ms.toFixed(1)}ms`).join(', ')}`);
    expect(results.save.p95).toBeLessThan(P95_LIMIT_MS);
  });

  it('autosaves: one writer within the coalescing window, folded into one revision', async () => {
    const { actor, id } = await newLongDraft();
    // A second apart, as an editor typing and pausing would send them: all inside the five-minute window.
    const start = Date.now();
    const { timings, outcomes, finalVersion } = timeSaves({ actor, id, reason: 'autosave', clock: (index) => start + index * 1000 });

    expect(outcomes.every((outcome) => outcome.ok && outcome.wordCount === 10_000 && outcome.isCoalesced)).toBe(true);
    expect(finalVersion).toBe(1 + WARMUP + SAVES);
    // The revision made at creation, then the one every autosave folded into.
    expect(listRevisions({ articleId: id, actor })).toHaveLength(2);

    results.autosave = summarize(timings);
    console.log(benchLine('save-article 10k words (autosave, coalesced)', results.autosave));
    expect(results.autosave.p95).toBeLessThan(P95_LIMIT_MS);
  });
});

afterAll(() => {
  if (Object.keys(results).length === 0) return;
  writeResults('save-article', {
    document: {
      words: article.words,
      bytes: docBytes,
      headings: article.headings,
      paragraphs: article.paragraphs,
      bulletLists: article.bulletLists,
      tables: article.tables,
      footnotes: article.footnotes,
    },
    method: `saveArticle() called in-process on a temporary SQLite file (WAL); ${WARMUP} warm-up saves, then ${SAVES} timed, sequential, each with a changed word`,
    warmup: WARMUP,
    ...results,
    saveP50Per50Saves: saveTrend,
  });
});
