import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { delay, seedDemo, startApp, type AppProcess } from './support/app-process';
import { appendParagraph, loadArticle } from './support/article-saves';
import { freePort } from './support/edge-process';
import { signInStaff } from './support/staff-client';
import { recordTrustResult } from './support/trust-results';

/**
 * `WEB_CONCURRENCY=2 npm start`: two server processes on one port and one SQLite file. An edit saved
 * through one process is what every reader gets from either, at once, and the background work runs in one.
 */
const root = path.join(REPO_ROOT, 'tests/.tmp/trust-several-processes');
const databasePath = path.join(root, 'app/masthead.db');

let app: AppProcess | undefined;
/** The process ids that answered in the first test. */
let serving: string[] = [];

type Answer = { status: number; process: string; kind: 'page' | 'navigation'; text: string };

/**
 * A GET on a connection of its own: the cluster hands out connections, so each read may reach either
 * process. A client navigation (`RSC: 1`) is rendered by the process that receives it, from that process's
 * data cache; a full page load may be answered from a kept page another process rendered.
 */
function readOnNewConnection(pathname: string, { isNavigation }: { isNavigation: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${app!.url}${pathname}`, { agent: false, headers: isNavigation ? { RSC: '1' } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          process: String(response.headers['x-masthead-process'] ?? ''),
          kind: isNavigation ? 'navigation' : 'page',
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * At least 60 reads, page loads and client navigations in turn, and more until each of `count` processes
 * has answered (and so rendered the page and cached its data) five times, for at most 60 s (the later
 * processes start once the first is serving).
 */
async function readFromEveryProcess(pathname: string, count: number): Promise<Map<string, Answer[]>> {
  const byProcess = new Map<string, Answer[]>();
  const deadline = Date.now() + 60_000;
  const isEnough = () => byProcess.size >= count && [...byProcess.values()].every((answers) => answers.length >= 5);
  for (let reads = 0; (reads < 60 || !isEnough()) && Date.now() < deadline; reads += 1) {
    // Two of each in turn: the cluster hands connections to the processes in turn, so each kind reaches each process.
    const answer = await readOnNewConnection(pathname, { isNavigation: Math.floor(reads / 2) % 2 === 1 });
    byProcess.set(answer.process, [...(byProcess.get(answer.process) ?? []), answer]);
    if (!isEnough()) await delay(25);
  }
  return byProcess;
}

function pickPublishedArticle(): { id: number; slug: string } {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare("select id, slug from articles where status = 'published' order by id limit 1").get() as { id: number; slug: string };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  seedDemo(databasePath);
  app = await startApp({ port: await freePort(), databasePath, env: { WEB_CONCURRENCY: '2' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('several server processes', () => {
  it('shows an edit saved through one process in every answer from either, and runs the background work once', async () => {
    const article = pickPublishedArticle();
    const articlePath = `/articles/${article.slug}`;
    const before = await readFromEveryProcess(articlePath, 2);
    expect([...before.keys()].filter(Boolean), 'both processes answer readers, each naming itself').toHaveLength(2);
    for (const answers of before.values()) expect(answers.every((answer) => answer.status === 200)).toBe(true);

    // The editor's connection stays with one process; the save and the update happen there.
    const editor = await signInStaff({ baseUrl: app!.url, email: 'editor@demo.masthead' });
    const marker = `Edited in one process ${Date.now()}`;
    const saved = await editor.request(`/api/desk/articles/${article.id}`, { method: 'PUT', body: appendParagraph(await loadArticle(editor, article.id), marker) });
    expect(saved.status).toBe(200);
    const updated = await editor.request(`/api/desk/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'update' } });
    expect(updated.status).toBe(200);

    const after = await readFromEveryProcess(articlePath, 2);
    const answers = [...after.values()].flat();
    const stale = answers.filter((answer) => answer.status !== 200 || !answer.text.includes(marker));
    expect([...after.keys()].filter(Boolean), 'both processes answered after the edit').toHaveLength(2);
    for (const [pid, answersOfProcess] of after) {
      expect(new Set(answersOfProcess.map((answer) => answer.kind)), `process ${pid} answered page loads and client navigations`).toEqual(new Set(['page', 'navigation']));
    }
    expect(
      stale.map((answer) => `process ${answer.process}: ${answer.status} ${answer.kind}`),
      'every answer, from either process, shows the edit',
    ).toEqual([]);

    const workers = app!.output().match(/Background work \(scheduled publication, mail, jobs\) runs in process \d+/g) ?? [];
    expect(workers, 'one process runs the scheduler and mail worker').toHaveLength(1);
    expect([...after.keys()]).toContain(workers[0]!.replace(/\D+/g, ''));

    serving = [...after.keys()];
    recordTrustResult({
      check: 'Several processes: an edit through one is seen through all',
      tried: answers.length,
      failures: stale.length,
      figures: `${after.size} processes answered ${answers.length} reads after the edit; ${stale.length} stale; background work in ${workers.length} process`,
    });
  });

  it('starts again a server process that crashes, and serves from both meanwhile and after', async () => {
    expect(serving).toHaveLength(2);
    const [crashed] = serving;
    process.kill(Number(crashed), 'SIGKILL');
    await delay(500);
    const after = await readFromEveryProcess('/', 2);
    const answers = [...after.values()].flat();
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    expect([...after.keys()], 'a new process took the crashed one\'s place').not.toContain(crashed);
    expect([...after.keys()].filter(Boolean)).toHaveLength(2);
    expect(app!.output()).toContain(`Masthead server process ${crashed} stopped (SIGKILL); starting another.`);
  });
});
