import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium-launch-options';
import { REPO_ROOT, writeResults } from './support/bench-stats';
import { startBenchServer, type BenchServer } from './support/bench-server';
import { longestPublishedArticle } from './support/reader-bench';

/** Lighthouse 12.8.2 in Debian's Chromium on the article page: the four category scores (mobile defaults). */

const PORT = 3323;
const DATABASE_PATH = path.join(REPO_ROOT, 'tests/.tmp/bench/lighthouse/masthead.db');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

let server: BenchServer | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;

beforeAll(async () => {
  fs.mkdirSync(path.dirname(DATABASE_PATH), { recursive: true });
  server = await startBenchServer({ port: PORT, databasePath: DATABASE_PATH });
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_LAUNCH_OPTIONS.executablePath, chromeFlags: ['--headless=new', ...CHROMIUM_LAUNCH_OPTIONS.args] });
}, 480_000);

afterAll(async () => {
  chrome?.kill();
  await server?.stop();
}, 60_000);

describe('Lighthouse on the article page', () => {
  it('scores well in every category', async () => {
    const article = longestPublishedArticle(DATABASE_PATH);
    const url = `${server!.url}/articles/${article.slug}`;
    await fetch(url);
    const result = await lighthouse(url, { port: chrome!.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error('Lighthouse returned no result.');
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((name) => [name, Math.round((categories[name]?.score ?? 0) * 100)]));
    const failing = Object.values(audits)
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
      .map((audit) => `${audit.id} (${audit.score})`);
    const metrics = Object.fromEntries(
      ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [id, audits[id]?.displayValue ?? null]),
    );
    console.log(`BENCH lighthouse ${url}: ${JSON.stringify(scores)} ${JSON.stringify(metrics)}`);
    if (failing.length > 0) console.log(`BENCH lighthouse audits below 0.9: ${failing.join(', ')}`);
    writeResults('lighthouse', {
      method: 'Lighthouse 12.8.2, default (mobile, simulated throttling) settings, Debian Chromium headless, production server on localhost',
      url: `/articles/${article.slug}`,
      scores,
      metrics,
      auditsBelow90: failing,
    });

    expect(scores.accessibility).toBeGreaterThanOrEqual(95);
    expect(scores.seo).toBeGreaterThanOrEqual(90);
    expect(scores['best-practices']).toBeGreaterThanOrEqual(90);
    expect(scores.performance).toBeGreaterThanOrEqual(80);
  });
});
