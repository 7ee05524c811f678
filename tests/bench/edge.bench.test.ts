import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdge, type EdgeProcess } from '../trust/support/edge-process';
import { benchLine, REPO_ROOT, summarize, writeResults } from './support/bench-stats';
import { startBenchServer, type BenchServer } from './support/bench-server';
import { startNginxStatic, type NginxStatic } from './support/nginx-static';
import { editorCookie, longestPublishedArticle, pressUpdate, saveTitle } from './support/reader-bench';

/**
 * The reader site behind Varnish with the project's VCL (issue 18's figures): the article page through the
 * edge against nginx serving the same bytes as a file, how soon an Update is visible through the edge over
 * 50 publications, and the hit ratio over a replay of 10,000 requests shaped like a day, with publications
 * in between. The load generator runs on the same machine.
 */

const PORT = 3330;
const NGINX_PORT = 3331;
const ROOT = path.join(REPO_ROOT, 'tests/.tmp/bench/edge');
const DATABASE_PATH = path.join(ROOT, 'app/masthead.db');
const CONNECTIONS = 50;
const DURATION_S = 10;
const PUBLICATIONS = 50;
const REPLAY_REQUESTS = 10_000;
const REPLAY_CONCURRENCY = 20;
const REPLAY_PUBLICATION_EVERY = 1_000;
const GOALS = { ratioToNginx: 0.5, p99Ms: 20, publishToVisibleP95Ms: 1_000 };

let edge: EdgeProcess | undefined;
let server: BenchServer | undefined;
let nginx: NginxStatic | null = null;

beforeAll(async () => {
  fs.rmSync(ROOT, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(DATABASE_PATH), { recursive: true });
  // The edge first, so the app can be told where to send purges; it waits for the app's health check.
  edge = await startEdge({ backendUrl: `http://127.0.0.1:${PORT}`, workDir: path.join(ROOT, 'varnish') });
  server = await startBenchServer({ port: PORT, databasePath: DATABASE_PATH, env: { EDGE_PURGE_URLS: edge.url } });
  for (let waited = 0; (await fetch(`${edge.url}/api/health`)).status !== 200; waited += 200) {
    if (waited > 15_000) throw new Error(`The edge did not reach the app:\n${edge.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 600_000);

afterAll(async () => {
  await nginx?.stop();
  await server?.stop();
  await edge?.stop();
}, 60_000);

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return {
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** A small seeded generator, so a replay can be repeated exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

type Site = { latest: string[]; archive: string[]; lists: string[]; words: string[] };

function siteAddresses(): Site {
  const db = new Database(DATABASE_PATH, { readonly: true });
  try {
    const articles = (db.prepare("select slug from articles where status = 'published' and published_access = 'public' order by published_at desc").all() as { slug: string }[]).map((row) => `/articles/${row.slug}`);
    const issues = (db.prepare("select slug from issues where status = 'published'").all() as { slug: string }[]).map((row) => `/issues/${row.slug}`);
    const sections = (db.prepare('select slug from sections').all() as { slug: string }[]).map((row) => `/sections/${row.slug}`);
    const words = (db.prepare("select title from articles where status = 'published' limit 40").all() as { title: string }[]).flatMap((row) => row.title.split(/\W+/).filter((word) => word.length > 5));
    return { latest: articles.slice(0, 10), archive: articles.slice(10), lists: ['/issues', '/corrections', ...issues, ...sections], words };
  } finally {
    db.close();
  }
}

/** One request of a day's traffic: the home page, the latest articles most, a long tail of the archive, lists, and searches. */
function dayRequest(site: Site, random: () => number): string {
  const roll = random();
  const pick = <T,>(list: T[]) => list[Math.floor(random() ** 2 * list.length)]!;
  if (roll < 0.15) return '/';
  if (roll < 0.5) return pick(site.latest);
  if (roll < 0.8) return site.archive[Math.floor(random() * site.archive.length)] ?? '/';
  if (roll < 0.9) return pick(site.lists);
  return `/search?q=${encodeURIComponent(pick(site.words) ?? 'treaty')}`;
}

describe('the reader site behind Varnish', () => {
  it('serves the article page near a static file server, shows publications within a second, and answers most of a day from the cache', async () => {
    const article = longestPublishedArticle(DATABASE_PATH);
    const edgeUrl = `${edge!.url}/articles/${article.slug}`;
    await fetch(edgeUrl);
    const cached = await fetch(edgeUrl);
    const html = Buffer.from(await cached.arrayBuffer());
    expect(cached.headers.get('x-cache')).toBe('HIT');

    // 1. Throughput: the article through the edge, then nginx with the same bytes, one after the other.
    await autocannon({ url: edgeUrl, connections: 10, duration: 2 });
    const throughEdge = await load(edgeUrl);
    nginx = await startNginxStatic({ body: html, port: NGINX_PORT, folder: path.join(ROOT, 'nginx') });
    const nginxFigures = nginx ? await load(nginx.url) : null;
    const ratio = nginxFigures ? throughEdge.requestsPerSecond / nginxFigures.requestsPerSecond : null;
    console.log(`BENCH article through Varnish: ${throughEdge.requestsPerSecond.toFixed(0)} req/s, p50 ${throughEdge.latencyMs.p50} ms, p99 ${throughEdge.latencyMs.p99} ms (goal ≤ ${GOALS.p99Ms} ms)`);
    console.log(nginxFigures ? `BENCH same bytes from nginx: ${nginxFigures.requestsPerSecond.toFixed(0)} req/s, p99 ${nginxFigures.latencyMs.p99} ms; ratio ${ratio!.toFixed(2)} (goal ≥ ${GOALS.ratioToNginx})` : 'BENCH nginx is not installed (apt-get install -y nginx-light): no ratio.');

    // 2. Publish → visible through the edge: the time from Update returning to the first edge answer with the new title.
    const cookie = await editorCookie(server!.url);
    const visibleAfter: number[] = [];
    for (let round = 1; round <= PUBLICATIONS; round++) {
      const marker = `(edge revision ${round})`;
      await saveTitle({ url: server!.url, cookie, articleId: article.id, title: `${article.title} ${marker}` });
      await fetch(edgeUrl);
      await pressUpdate({ url: server!.url, cookie, articleId: article.id });
      const started = performance.now();
      for (;;) {
        const text = await (await fetch(edgeUrl)).text();
        if (text.includes(marker)) break;
        if (performance.now() - started > 30_000) throw new Error(`${edgeUrl} did not show “${marker}” through the edge within 30 s.`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      visibleAfter.push(performance.now() - started);
    }
    const publishToVisible = summarize(visibleAfter);
    console.log(`${benchLine('Update → visible through Varnish', publishToVisible)} (goal p95 ≤ ${GOALS.publishToVisibleP95Ms} ms)`);

    // 3. A day replayed: 10,000 requests, 20 at a time, an Update every 1,000.
    const site = siteAddresses();
    const random = seeded(20_261_207);
    const requests = Array.from({ length: REPLAY_REQUESTS }, () => dayRequest(site, random));
    const answers = new Map<string, number>();
    let next = 0;
    let publications = 0;
    const worker = async () => {
      while (next < requests.length) {
        const index = next++;
        if (index > 0 && index % REPLAY_PUBLICATION_EVERY === 0) {
          publications += 1;
          await saveTitle({ url: server!.url, cookie, articleId: article.id, title: `${article.title} (replay ${publications})` });
          await pressUpdate({ url: server!.url, cookie, articleId: article.id });
        }
        const response = await fetch(`${edge!.url}${requests[index]}`);
        await response.arrayBuffer();
        const cache = response.status >= 500 ? `error ${response.status}` : (response.headers.get('x-cache') ?? 'none');
        answers.set(cache, (answers.get(cache) ?? 0) + 1);
      }
    };
    const replayStarted = performance.now();
    await Promise.all(Array.from({ length: REPLAY_CONCURRENCY }, worker));
    const replaySeconds = (performance.now() - replayStarted) / 1000;
    const hits = (answers.get('HIT') ?? 0) + (answers.get('HIT-STALE') ?? 0);
    const passed = answers.get('PASS') ?? 0;
    const hitRatio = hits / REPLAY_REQUESTS;
    const cacheableHitRatio = hits / (REPLAY_REQUESTS - passed);
    console.log(`BENCH replay of ${REPLAY_REQUESTS} requests (${publications} publications): ${JSON.stringify(Object.fromEntries(answers))}; hit ratio ${(hitRatio * 100).toFixed(1)}% of all, ${(cacheableHitRatio * 100).toFixed(1)}% of cacheable (search passes); ${(REPLAY_REQUESTS / replaySeconds).toFixed(0)} req/s`);

    writeResults('edge', {
      method: `varnishd with deploy/varnish/masthead.vcl in front of npm start, same machine. Throughput: autocannon ${CONNECTIONS} connections ${DURATION_S} s on the longest article through the edge, then nginx serving the same bytes as a file. Publish→visible: ${PUBLICATIONS} rounds of save title, warm, Update, poll the edge every 10 ms. Replay: ${REPLAY_REQUESTS} requests, ${REPLAY_CONCURRENCY} at a time, 15% home, 35% the 10 latest articles (skewed), 30% the archive (uniform), 10% lists, 10% search; an Update every ${REPLAY_PUBLICATION_EVERY}.`,
      article: { slug: article.slug, htmlBytes: html.length },
      throughEdge,
      nginx: nginxFigures,
      ratioToNginx: ratio === null ? null : Math.round(ratio * 1000) / 1000,
      publishToVisible,
      replay: { answers: Object.fromEntries(answers), hitRatio: Math.round(hitRatio * 1000) / 1000, cacheableHitRatio: Math.round(cacheableHitRatio * 1000) / 1000, publications, requestsPerSecond: Math.round(REPLAY_REQUESTS / replaySeconds) },
      goals: GOALS,
    });

    expect(throughEdge.non2xx).toBe(0);
    expect([...answers.keys()].filter((key) => key.startsWith('error'))).toEqual([]);
    expect(publishToVisible.max).toBeLessThan(30_000);
  });
});
