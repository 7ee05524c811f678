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

const CARET = { anchor: { tname: 'default', assoc: -1 }, head: { tname: 'default', assoc: -1 } };
type Other = { origin: string; name: string; caret: unknown };

/** A writer's shared-text stream, on a connection of its own, with the process that holds it. */
function openCollabStream(cookie: string, articleId: number): Promise<{ process: string; awarenessWith: (origin: string, withinMs: number) => Promise<Other[]>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${app!.url}/api/desk/articles/${articleId}/collab/stream?since=0&origin=watching-window&wait=20000`, { agent: false, headers: { Cookie: cookie } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`the stream answered ${response.statusCode}`));
        return;
      }
      let buffer = '';
      let latest: Other[] = [];
      const waiting = new Set<() => void>();
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = /^event: awareness\ndata: (.*)$/m.exec(block)?.[1];
          if (!data) continue;
          latest = (JSON.parse(data) as { others: Other[] }).others;
          waiting.forEach((check) => check());
        }
      });
      resolve({
        process: String(response.headers['x-masthead-process'] ?? ''),
        awarenessWith: (origin, withinMs) =>
          new Promise((found, missing) => {
            const check = () => {
              if (!latest.some((other) => other.origin === origin)) return;
              waiting.delete(check);
              clearTimeout(timer);
              found(latest);
            };
            const timer = setTimeout(() => {
              waiting.delete(check);
              missing(new Error(`no caret from ${origin} within ${withinMs} ms; the stream last listed ${JSON.stringify(latest.map((other) => other.origin))}`));
            }, withinMs);
            waiting.add(check);
            check();
          }),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

/** A JSON POST on a connection of its own, so the cluster may hand it to either process. */
function postOnNewConnection(cookie: string, pathname: string, body: unknown): Promise<{ status: number; process: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const request = http.request(
      `${app!.url}${pathname}`,
      { method: 'POST', agent: false, headers: { Cookie: cookie, Origin: app!.url, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, process: String(response.headers['x-masthead-process'] ?? '') }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
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

  it('shows a writer’s caret and name to a writer whose editor is connected to the other process', async () => {
    const article = pickPublishedArticle();
    const watcher = await signInStaff({ baseUrl: app!.url, email: 'admin@demo.masthead' });
    const writer = await signInStaff({ baseUrl: app!.url, email: 'editor@demo.masthead' });
    const stream = await openCollabStream(watcher.cookie, article.id);
    try {
      expect(stream.process, 'the stream names the process it is held by').not.toBe('');
      // New connections until one reaches the other process; each try says it is in another window, so only that
      // window's caret proves the way between processes (one the stream's own process kept would not).
      let sharedAt = 0;
      let origin = '';
      for (let tries = 0; tries < 20 && !sharedAt; tries += 1) {
        const tried = `other-window-${tries}`;
        const answer = await postOnNewConnection(writer.cookie, `/api/desk/articles/${article.id}/collab/awareness`, { origin: tried, caret: CARET });
        expect(answer.status).toBe(200);
        if (answer.process !== stream.process) [sharedAt, origin] = [Date.now(), tried];
      }
      expect(origin, 'a caret was shared through the other process').not.toBe('');
      const others = await stream.awarenessWith(origin, 5_000);
      const waitedMs = Date.now() - sharedAt;
      expect(others.find((other) => other.origin === origin)).toMatchObject({ name: expect.stringMatching(/\S/), caret: CARET });
      expect(waitedMs, 'the caret arrives within a second').toBeLessThan(1_000);
      recordTrustResult({
        check: 'Several processes: a caret shared through one reaches an editor on the other',
        tried: 1,
        failures: 0,
        figures: `the caret shared through process ${[...serving].find((pid) => pid !== stream.process) ?? 'other'} reached the stream held by ${stream.process} after ${waitedMs} ms`,
      });
    } finally {
      stream.close();
    }
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
