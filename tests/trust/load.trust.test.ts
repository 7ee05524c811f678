import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { seedDemo, startApp, type AppProcess } from './support/app-process';
import { appendParagraph, loadArticle } from './support/article-saves';
import { signInStaff } from './support/staff-client';
import { recordTrustResult } from './support/trust-results';

const PORT = 3220;
const READERS = 200;
const SECONDS = Number(process.env.TRUST_LOAD_SECONDS ?? 60);
const EDITORS = 5;
/** How long a reader waits for a page before giving up; an answer that never came is a failure, not a slow figure. */
const READER_PATIENCE_SECONDS = Number(process.env.TRUST_LOAD_PATIENCE_SECONDS ?? 10);
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-load/masthead.db');

let app: AppProcess | undefined;
afterAll(async () => app?.stop());

it('serves 200 concurrent readers for a minute while five editors save and publish, without an error', async () => {
  seedDemo(databasePath);
  const sqlite = new Database(databasePath, { readonly: true });
  const published = sqlite.prepare("select a.id as id, r.slug as slug from articles a join revisions r on r.id = a.published_revision_id where a.status = 'published' order by a.id").all() as { id: number; slug: string }[];
  sqlite.close();
  app = await startApp({ port: PORT, databasePath });
  const url = app.url;

  // Editors work on their own articles; readers read all the others (and the home page).
  const editorArticles = published.slice(0, EDITORS);
  const readerPaths = ['/', ...published.slice(EDITORS).map((article) => `/articles/${article.slug}`)];
  const editorClient = await signInStaff({ baseUrl: url, email: 'editor@demo.masthead' });
  let isDone = false;
  const editorStats = { saves: 0, publications: 0, errors: [] as string[] };
  const editing = editorArticles.map(async (article, index) => {
    for (let step = 1; !isDone; step += 1) {
      try {
        const current = await loadArticle(editorClient, article.id);
        const saved = await editorClient.request(`/api/desk/articles/${article.id}`, { method: 'PUT', body: appendParagraph(current, `load-${index}-${step}`) });
        if (saved.status !== 200) editorStats.errors.push(`save answered ${saved.status}`);
        else editorStats.saves += 1;
        if (step % 4 === 0) {
          const update = await editorClient.request(`/api/desk/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'update' } });
          if (update.status !== 200) editorStats.errors.push(`publish answered ${update.status}`);
          else editorStats.publications += 1;
        }
      } catch (error) {
        editorStats.errors.push(`article ${article.id}: ${(error as Error).message}`);
      }
    }
  });

  let next = 0;
  const result = await autocannon({
    url,
    connections: READERS,
    duration: SECONDS,
    timeout: READER_PATIENCE_SECONDS,
    requests: [{ setupRequest: (request) => ({ ...request, path: readerPaths[next++ % readerPaths.length]! }) }],
  });
  isDone = true;
  await Promise.all(editing);

  // autocannon's `errors` already includes its `timeouts`: every reader left without a page is a failure.
  const readerFailures = { timeouts: result.timeouts, connectionErrors: result.errors - result.timeouts, non2xx: result.non2xx };
  recordTrustResult({
    check: `Load: ${READERS} readers for ${SECONDS} s with ${EDITORS} editors`,
    tried: result.requests.total + editorStats.saves + editorStats.publications,
    failures: result.errors + result.non2xx + editorStats.errors.length,
    figures: `readers: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ${result.timeouts} gave up after ${READER_PATIENCE_SECONDS} s, ${readerFailures.connectionErrors} connection errors, ${result.non2xx} answers other than 2xx; editors: ${editorStats.saves} saves, ${editorStats.publications} publications`,
  });
  expect(editorStats.errors).toEqual([]);
  expect(readerFailures).toEqual({ timeouts: 0, connectionErrors: 0, non2xx: 0 });
  expect(editorStats.publications).toBeGreaterThan(0);
});
