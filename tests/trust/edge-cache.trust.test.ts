import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { delay, seedDemo, startApp, type AppProcess } from './support/app-process';
import { appendParagraph, loadArticle } from './support/article-saves';
import { freePort, startEdge, type EdgeProcess } from './support/edge-process';
import { signInStaff, type StaffClient } from './support/staff-client';
import { recordTrustResult } from './support/trust-results';

/**
 * The reader site behind a real varnishd with the project's VCL: publications purge exactly their pages
 * within a second, per-person answers are never shared, and a stopped origin leaves the last good pages up.
 */
const root = path.join(REPO_ROOT, 'tests/.tmp/trust-edge');
const databasePath = path.join(root, 'app/masthead.db');

let app: AppProcess | undefined;
let edge: EdgeProcess | undefined;
let appPort = 0;
let editor: StaffClient;

type Answer = { status: number; cache: string; hits: number; text: string; keys: string };

async function throughEdge(pathname: string, { cookie }: { cookie?: string } = {}): Promise<Answer> {
  const response = await fetch(`${edge!.url}${pathname}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
  return {
    status: response.status,
    cache: response.headers.get('x-cache') ?? '',
    hits: Number(response.headers.get('x-cache-hits') ?? 0),
    text: await response.text(),
    keys: response.headers.get('xkey') ?? '',
  };
}

/** How long until `isSeen` holds for the page through the edge, asked every 50 ms; fails after `limitMs`. */
async function msUntil(pathname: string, isSeen: (answer: Answer) => boolean, limitMs = 1_000): Promise<number> {
  const started = Date.now();
  let last: Answer | undefined;
  while (Date.now() - started <= limitMs) {
    last = await throughEdge(pathname);
    if (isSeen(last)) return Date.now() - started;
    await delay(50);
  }
  throw new Error(`${pathname} through the edge did not show the change within ${limitMs} ms (last: ${last?.status} ${last?.cache}).`);
}

function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(databasePath, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

type Fixture = { articleId: number; articleSlug: string; unrelated: string[] };

/** A published article, and pages that show nothing of it: sections it is not in, authors not on it. */
function pickFixture(): Fixture {
  return readDatabase((db) => {
    const article = db
      .prepare("select id, slug, section_id as sectionId, published_section_id as publishedSectionId from articles where status = 'published' and published_section_id is not null order by id limit 1")
      .get() as { id: number; slug: string; sectionId: number; publishedSectionId: number };
    const sections = db.prepare('select slug from sections where id not in (?, ?) order by id limit 2').all(article.sectionId, article.publishedSectionId) as { slug: string }[];
    const authors = db
      .prepare(
        `select slug from contributors where id not in (select contributor_id from article_authors where article_id = ?)
           and id not in (select contributor_id from published_article_authors where article_id = ?)
           and id in (select contributor_id from published_article_authors) order by id limit 1`,
      )
      .all(article.id, article.id) as { slug: string }[];
    return { articleId: article.id, articleSlug: article.slug, unrelated: [...sections.map((row) => `/sections/${row.slug}`), ...authors.map((row) => `/authors/${row.slug}`)] };
  });
}

/** Each page asked twice, so it is in the cache and answered from it. */
async function warm(pages: string[]): Promise<Map<string, number>> {
  const hits = new Map<string, number>();
  for (const page of pages) {
    await throughEdge(page);
    const second = await throughEdge(page);
    expect(second.cache, `${page} is kept by the edge`).toBe('HIT');
    hits.set(page, second.hits);
  }
  return hits;
}

/** Every page still answered from the cache, one hit more than before: nothing purged them. */
async function expectStillCached(hitsBefore: Map<string, number>): Promise<void> {
  for (const [page, before] of hitsBefore) {
    const answer = await throughEdge(page);
    expect(answer.cache, `${page} stayed in the cache`).toBe('HIT');
    expect(answer.hits, `${page} was not fetched again`).toBe(before + 1);
    hitsBefore.set(page, answer.hits);
  }
}

beforeAll(async () => {
  seedDemo(databasePath);
  appPort = await freePort();
  // The edge's address is known only once it runs; the app starts first with a placeholder, then again with it.
  edge = await startEdge({ backendUrl: `http://127.0.0.1:${appPort}`, workDir: path.join(root, 'varnish') });
  app = await startApp({ port: appPort, databasePath, env: { EDGE_PURGE_URLS: edge.url } });
  await untilEdgeSeesOrigin();
  editor = await signInStaff({ baseUrl: app.url, email: 'editor@demo.masthead' });
});

/** Varnish sends requests to the app once its health check has passed twice (a second apart). */
async function untilEdgeSeesOrigin(): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 15_000) {
    if ((await fetch(`${edge!.url}/api/health`)).status === 200) return Date.now() - started;
    await delay(100);
  }
  throw new Error(`The edge did not reach the app within 15 s:\n${edge!.output()}`);
}

afterAll(async () => {
  await app?.stop();
  await edge?.stop();
});

describe('behind Varnish', () => {
  it('purges exactly what a publication changes, within a second, and leaves unrelated pages cached', async () => {
    const { articleId, articleSlug, unrelated } = pickFixture();
    expect(unrelated.length).toBeGreaterThanOrEqual(2);
    const articlePath = `/articles/${articleSlug}`;
    const first = await throughEdge(articlePath);
    expect(first.status).toBe(200);
    expect(first.keys, 'the edge strips keys before readers see them').toBe('');
    const origin = await fetch(`${app!.url}${articlePath}`);
    expect(origin.headers.get('xkey')?.split(' ')).toEqual(expect.arrayContaining([`article:${articleId}`, 'site']));
    expect(origin.headers.get('surrogate-key')).toBe(origin.headers.get('xkey'));
    await warm([articlePath, '/feed.xml']);
    const hits = await warm(unrelated);
    const timings: string[] = [];

    // Update: the new paragraph, as saved in the database, is what readers get.
    const marker = `Edge update ${Date.now()}`;
    const saved = await editor.request(`/api/desk/articles/${articleId}`, { method: 'PUT', body: appendParagraph(await loadArticle(editor, articleId), marker) });
    expect(saved.status).toBe(200);
    const updated = await editor.request(`/api/desk/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'update' } });
    expect(updated.status).toBe(200);
    const publishedBody = readDatabase((db) => (db.prepare('select r.body from articles a join revisions r on r.id = a.published_revision_id where a.id = ?').get(articleId) as { body: string }).body);
    expect(publishedBody).toContain(marker);
    timings.push(`update ${await msUntil(articlePath, (answer) => answer.status === 200 && answer.text.includes(marker))} ms`);
    const feed = await throughEdge('/feed.xml');
    expect(feed.cache, 'the site feed lists the newest articles and is purged with them').toBe('MISS');
    await expectStillCached(hits);
    expect((await throughEdge(articlePath)).cache).toBe('HIT');

    // Unpublish: the address answers 410 Gone through the edge.
    const unpublished = await editor.request(`/api/desk/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'unpublish' } });
    expect(unpublished.status).toBe(200);
    expect(readDatabase((db) => (db.prepare('select status from articles where id = ?').get(articleId) as { status: string }).status)).toBe('unpublished');
    timings.push(`unpublish ${await msUntil(articlePath, (answer) => answer.status === 410)} ms`);
    await expectStillCached(hits);

    // Publish again: back, with the same text.
    const published = await editor.request(`/api/desk/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'publish' } });
    expect(published.status).toBe(200);
    timings.push(`publish ${await msUntil(articlePath, (answer) => answer.status === 200 && answer.text.includes(marker))} ms`);
    await expectStillCached(hits);

    recordTrustResult({ check: 'Edge cache: purges on publication', tried: 3, failures: 0, figures: `visible through Varnish after ${timings.join(', ')}; ${hits.size} unrelated pages stayed cached` });
  });

  it('never shares a page with a signed-in reader or staff member, nor keeps one they were given', async () => {
    const pages = readDatabase((db) => (db.prepare('select slug from sections order by id desc limit 2').all() as { slug: string }[]).map((row) => `/sections/${row.slug}`));
    const [forStaff, forReader] = pages as [string, string];

    // A staff member, signed in through the edge.
    const staff = await signInStaff({ baseUrl: edge!.url, email: 'author@demo.masthead' });
    expect((await staff.request('/api/desk/link-targets?q=treaty')).status, 'the staff session works through the edge').toBe(200);
    await warm([forStaff]);
    const staffAnswer = await throughEdge(forStaff, { cookie: staff.cookie });
    expect(staffAnswer.cache, 'a staff member is never given a cached page').toBe('PASS');
    const staffOnly = '/issues?edge-staff-only';
    expect((await throughEdge(staffOnly, { cookie: staff.cookie })).cache).toBe('PASS');
    expect((await throughEdge(staffOnly)).cache, 'a page a staff member was given is not kept for others').toBe('MISS');

    // A reader, signed in with the link mailed to them.
    const email = `edge-reader-${Date.now()}@example.org`;
    expect((await fetch(`${edge!.url}/api/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, wantsIssueEmail: true }) })).ok).toBe(true);
    const csrf = await fetch(`${edge!.url}/api/reader-auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    await fetch(`${edge!.url}/api/reader-auth/signin/email`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: `${app!.url}/account` }).toString(),
    });
    const mailed = readDatabase((db) => db.prepare('select text from outbox where to_address = ? order by id desc limit 1').get(email) as { text: string } | undefined);
    const link = new URL(/https?:\/\/\S+\/account\/sign-in\?\S+/.exec(mailed?.text ?? '')?.[0] ?? 'http://missing.invalid/');
    expect(link.searchParams.get('token'), 'a sign-in link was mailed').toBeTruthy();
    const callback = await fetch(`${edge!.url}/api/reader-auth/callback/email?${link.searchParams.toString()}`, { redirect: 'manual', headers: { Cookie: csrfCookie } });
    const readerCookie = [csrfCookie, ...callback.headers.getSetCookie().map((line) => line.split(';')[0])].join('; ');
    expect(readerCookie).toContain('masthead-reader.session-token=');
    const account = await throughEdge('/account', { cookie: readerCookie });
    expect(account.text, 'the reader is signed in through the edge').toContain(email);
    expect(account.cache).toBe('PASS');
    await warm([forReader]);
    expect((await throughEdge(forReader, { cookie: readerCookie })).cache, 'a reader is never given a cached page').toBe('PASS');
    const readerOnly = '/issues?edge-reader-only';
    expect((await throughEdge(readerOnly, { cookie: readerCookie })).cache).toBe('PASS');
    expect((await throughEdge(readerOnly)).cache, 'a page a reader was given is not kept for others').toBe('MISS');
    const anonymousAccount = await throughEdge('/account');
    expect(anonymousAccount.text, 'the reader’s own page is not served to anyone else').not.toContain(email);

    recordTrustResult({ check: 'Edge cache: per-person answers', tried: 6, failures: 0, figures: 'staff and reader sessions always passed; nothing they were given was kept' });
  });

  it('serves the last good pages while the origin is down and fresh ones once it is back', async () => {
    const { articleSlug, unrelated } = pickFixture();
    const pages = ['/', `/articles/${articleSlug}`, ...unrelated];
    await warm(pages);
    const before = new Map<string, string>();
    for (const page of pages) before.set(page, (await throughEdge(page)).text);

    await app!.stop();
    // Every kept page made stale, as a publication's purge would: still served, from grace.
    const purge = await fetch(edge!.url, { method: 'PURGE', headers: { 'xkey-purge': 'site' } });
    expect(purge.status).toBe(200);
    for (const page of pages) {
      const answer = await throughEdge(page);
      expect(answer.status, `${page} is served while the origin is down`).toBe(200);
      expect(answer.cache).toBe('HIT-STALE');
      expect(answer.text).toBe(before.get(page));
    }
    expect((await throughEdge('/issues?never-cached')).status, 'a page never kept cannot be served').toBe(503);

    app = await startApp({ port: appPort, databasePath, env: { EDGE_PURGE_URLS: edge!.url } });
    const back = await untilEdgeSeesOrigin();
    expect(back, 'the edge goes back to the app within a few seconds of it answering').toBeLessThan(5_000);
    const firstAnswer = await fetch(`${edge!.url}/`);
    const firstSeen = `${firstAnswer.status} ${firstAnswer.headers.get('x-cache')} ${firstAnswer.headers.get('x-cache-origin-status') ?? ''}`.trim();
    // A page purged while the app was down is fetched afresh once it is back: by this first request, or, if the
    // edge still served it stale (the health check not yet passed twice), by one within a few seconds.
    const isFresh = (answer: { status: number; cache: string }) => answer.status === 200 && answer.cache === 'MISS';
    const fresh = isFresh({ status: firstAnswer.status, cache: firstAnswer.headers.get('x-cache') ?? '' }) ? 0 : await msUntil('/', isFresh, 5_000);
    expect((await throughEdge('/')).cache).toBe('HIT');
    recordTrustResult({ check: 'Edge cache: origin down', tried: pages.length, failures: 0, figures: `${pages.length} stale pages served with the origin stopped; the edge used the app again ${back} ms after it answered, first answer ${firstSeen}, fresh after ${fresh} ms more` });
  });
});
