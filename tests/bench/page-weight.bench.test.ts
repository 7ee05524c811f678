import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium-launch-options';
import { REPO_ROOT, writeResults } from './support/bench-stats';
import { startBenchServer, type BenchServer } from './support/bench-server';
import { longestPublishedArticle } from './support/reader-bench';

/**
 * The JavaScript a reader's browser receives on three reader pages: every script file the page loads (as
 * Chromium fetched it, so chunks loaded after the first paint count too) and the inline scripts, the
 * flight data among them. Each is gzipped here at level 9, as a compressing proxy would send it.
 * Framework files (Next's runtime, React) are told apart from ours by the modules each chunk holds, and the
 * flight requests next/link's prefetching makes after load are counted beside them.
 */

const PORT = 3324;
const DATABASE_PATH = path.join(REPO_ROOT, 'tests/.tmp/bench/page-weight/masthead.db');
// The article page sent 148.8 KB before reader pages dropped next/link, 142.6 KB after, and none since kept
// reader pages are sent without the framework's browser code (docs/adr/015).
const GOAL_GZIP_BYTES = 100 * 1024;

type ScriptEntry = { name: string; kind: 'file' | 'inline' | 'flight'; origin: 'framework' | 'ours' | 'page data'; raw: number; gzip: number };
type PageWeight = { label: string; path: string; heading: string; htmlGzip: number; flightRequests: number; scripts: ScriptEntry[]; raw: number; gzip: number; frameworkGzip: number; oursGzip: number; flightGzip: number };

let server: BenchServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  fs.mkdirSync(path.dirname(DATABASE_PATH), { recursive: true });
  server = await startBenchServer({ port: PORT, databasePath: DATABASE_PATH });
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

const gzipSize = (text: Buffer | string) => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Whose code a chunk carries. The build's client reference manifests give each client module's id; a chunk that
 * defines a module of ours (app/, components/, lib/), or next/link, which only our components choose, is ours.
 * Every other chunk, the runtime every page loads first (`rootMainFiles`) among them, is the framework's.
 */
function ourModuleIds(): number[] {
  const ids = new Set<number>();
  const serverApp = path.join(REPO_ROOT, '.next/server/app');
  const manifests = fs.readdirSync(serverApp, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('_client-reference-manifest.js'));
  for (const name of manifests) {
    const source = fs.readFileSync(path.join(serverApp, name), 'utf8');
    const json = /__RSC_MANIFEST\[[^\]]+\]\s*=\s*(\{[\s\S]*\});?\s*$/.exec(source)?.[1];
    if (!json) continue;
    const manifest = JSON.parse(json) as { clientModules: Record<string, { id: number | string }> };
    for (const [moduleName, entry] of Object.entries(manifest.clientModules)) {
      if (/\[project\]\/(app|components|lib)\/|next\/dist\/client\/app-dir\/link\.js/.test(moduleName)) ids.add(Number(entry.id));
    }
  }
  return [...ids];
}

function originOf(body: string, ours: number[]): ScriptEntry['origin'] {
  return ours.some((id) => new RegExp(`[,\\[]${id},(\\(|e=>)`).test(body)) ? 'ours' : 'framework';
}

async function measure(label: string, pagePath: string, ours: number[]): Promise<PageWeight> {
  const context = await browser!.newContext({ baseURL: server!.url });
  const page = await context.newPage();
  const files: Promise<ScriptEntry | null>[] = [];
  let flightRequests = 0;
  page.on('request', (request) => {
    if (request.resourceType() === 'fetch' && new URL(request.url()).searchParams.has('_rsc')) flightRequests += 1;
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    files.push(
      response.body().then(
        (body) => {
          const name = new URL(response.url()).pathname;
          return { name, kind: 'file', origin: originOf(body.toString('utf8'), ours), raw: body.length, gzip: gzipSize(body) } as const;
        },
        () => null,
      ),
    );
  });
  const answer = await page.goto(pagePath, { waitUntil: 'networkidle' });
  expect(answer?.status(), `${pagePath} answered`).toBe(200);
  const htmlGzip = gzipSize(await answer!.body());
  const heading = ((await page.locator('h1').first().textContent()) ?? '').trim();
  // Structured data (application/ld+json) is a script element but not code.
  const inline = await page.$$eval('script:not([src])', (scripts) =>
    scripts.filter((script) => ['', 'text/javascript', 'module'].includes(script.getAttribute('type') ?? '')).map((script) => script.textContent ?? ''),
  );
  await page.waitForTimeout(1_000); // prefetches start once the page is idle
  await context.close();

  const flight = inline.filter((text) => text.includes('self.__next_f'));
  const others = inline.filter((text) => !text.includes('self.__next_f') && text.trim() !== '');
  const scripts: ScriptEntry[] = [
    ...((await Promise.all(files)).filter((entry): entry is ScriptEntry => entry !== null)),
    // The Trusted Types policy is ours (app/layout.tsx); Next writes the other inline scripts.
    ...others.map((text, index) => ({
      name: `inline script ${index + 1}`,
      kind: 'inline' as const,
      origin: text.includes('trustedTypes') ? ('ours' as const) : ('framework' as const),
      raw: Buffer.byteLength(text),
      gzip: gzipSize(text),
    })),
  ];
  if (flight.length > 0) {
    // The flight scripts travel in one response, so they are gzipped together as the wire would.
    const joined = flight.join('\n');
    scripts.push({ name: `flight data (${flight.length} inline scripts)`, kind: 'flight', origin: 'page data', raw: Buffer.byteLength(joined), gzip: gzipSize(joined) });
  }
  const sum = (entries: ScriptEntry[], key: 'raw' | 'gzip') => entries.reduce((total, entry) => total + entry[key], 0);
  return {
    label,
    path: pagePath,
    heading,
    htmlGzip,
    flightRequests,
    scripts,
    raw: sum(scripts, 'raw'),
    gzip: sum(scripts, 'gzip'),
    frameworkGzip: sum(scripts.filter((entry) => entry.origin === 'framework'), 'gzip'),
    oursGzip: sum(scripts.filter((entry) => entry.origin === 'ours'), 'gzip'),
    flightGzip: sum(scripts.filter((entry) => entry.kind === 'flight'), 'gzip'),
  };
}

function firstSectionPath(): string {
  const db = new Database(DATABASE_PATH, { readonly: true });
  try {
    const row = db.prepare('select slug from sections order by position, id limit 1').get() as { slug: string } | undefined;
    if (!row) throw new Error('The demo database has no section.');
    return `/sections/${row.slug}`;
  } finally {
    db.close();
  }
}

describe('JavaScript on reader pages', () => {
  it(`stays under ${kb(GOAL_GZIP_BYTES)} gzip per page and prefetches nothing`, async () => {
    const article = longestPublishedArticle(DATABASE_PATH);
    const pages: [string, string][] = [
      ['article (longest public)', `/articles/${article.slug}`],
      ['section', firstSectionPath()],
      ['home', '/'],
    ];
    const ours = ourModuleIds();
    const results: PageWeight[] = [];
    for (const [label, pagePath] of pages) {
      await fetch(`${server!.url}${pagePath}`); // warm the page cache, as a reader after the first would find it
      const result = await measure(label, pagePath, ours);
      results.push(result);
      console.log(`BENCH page-weight ${label} ${pagePath}: ${result.scripts.length} scripts, ${kb(result.raw)} raw, ${kb(result.gzip)} gzip (goal ≤ ${kb(GOAL_GZIP_BYTES)}) ${result.gzip <= GOAL_GZIP_BYTES ? 'met' : 'MISSED'}; framework ${kb(result.frameworkGzip)}, ours ${kb(result.oursGzip)}, flight data ${kb(result.flightGzip)}; ${result.flightRequests} prefetch requests after load; the HTML itself ${kb(result.htmlGzip)} gzip`);
      for (const entry of result.scripts) console.log(`  ${entry.origin.padEnd(9)} ${kb(entry.raw).padStart(9)} raw ${kb(entry.gzip).padStart(9)} gzip  ${entry.name}`);
    }
    writeResults('page-weight', {
      unit: 'bytes',
      method: 'Chromium (Playwright) loads each page from the production server until the network is idle; every script response and every inline script is gzipped at level 9. Flight data: the inline self.__next_f scripts, gzipped together. ours = chunks defining a client module of app/, components/ or lib/ or next/link (ids from the client reference manifests) and the Trusted Types policy script, framework = the rest; flightRequests = RSC fetches (prefetches) after load.',
      goalGzipBytes: GOAL_GZIP_BYTES,
      pages: results,
    });
    // The page measured is the real one: the article's own title, as stored, is what a reader sees.
    expect(results[0]!.heading).toBe(article.title);
    for (const result of results) {
      expect(result.heading, `${result.label} shows a heading`).not.toBe('');
      expect(result.gzip, `${result.label} gzip total`).toBeLessThanOrEqual(GOAL_GZIP_BYTES);
      expect(result.flightRequests, `${result.label} prefetches after load`).toBe(0);
    }
  });
});
