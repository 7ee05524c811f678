import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityKind } from '@/db/schema';
import { entityPath } from '@/lib/entities/entity-path';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { delay, seedDemo, startApp, type AppProcess } from './support/app-process';
import { appendParagraph, loadArticle } from './support/article-saves';
import { freePort, startEdge, type EdgeProcess } from './support/edge-process';
import { callDeskAction } from './support/desk-actions';
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
/** The worker looks for due publications this often here, so a scheduled one goes out promptly. */
const WORKER_INTERVAL_MS = 200;

type Answer = { status: number; cache: string; hits: number; text: string; keys: string; location: string };

async function throughEdge(pathname: string, { cookie }: { cookie?: string } = {}): Promise<Answer> {
  const response = await fetch(`${edge!.url}${pathname}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
  return {
    status: response.status,
    cache: response.headers.get('x-cache') ?? '',
    hits: Number(response.headers.get('x-cache-hits') ?? 0),
    text: await response.text(),
    keys: response.headers.get('xkey') ?? '',
    location: response.headers.get('location') ?? '',
  };
}

/** How long until `isSeen` holds for the page through the edge, asked every 50 ms; fails after `limitMs`. */
async function msUntil(pathname: string, isSeen: (answer: Answer) => boolean, limitMs = 1_000): Promise<number> {
  return (await msUntilAll({ [pathname]: isSeen }, { since: Date.now(), limitMs }))[pathname]!;
}

/**
 * How long after `since` each page through the edge first shows what its check looks for, all asked
 * together every 50 ms; fails once `limitMs` has passed with any page still showing the old answer.
 */
async function msUntilAll(checks: Record<string, (answer: Answer) => boolean>, { since, limitMs = 1_000 }: { since: number; limitMs?: number }): Promise<Record<string, number>> {
  const seenAfter: Record<string, number> = {};
  const last = new Map<string, Answer>();
  let pending = Object.keys(checks);
  while (pending.length > 0) {
    const answers = await Promise.all(pending.map(async (page) => [page, await throughEdge(page)] as const));
    for (const [page, answer] of answers) {
      last.set(page, answer);
      if (checks[page]!(answer)) seenAfter[page] = Date.now() - since;
    }
    pending = pending.filter((page) => seenAfter[page] === undefined);
    if (pending.length === 0) break;
    if (Date.now() - since > limitMs) {
      const stale = pending.map((page) => `${page} (last: ${last.get(page)?.status} ${last.get(page)?.cache})`).join(', ');
      throw new Error(`Through the edge, ${stale} did not show the change within ${limitMs} ms.`);
    }
    await delay(50);
  }
  return seenAfter;
}

function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(databasePath, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

type Fixture = { articleId: number; articleSlug: string; unrelated: string[]; neighbours: string[] };

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
    // Pages that list it: its section's page, and another article filed in that section (which shows its neighbours).
    const section = db.prepare('select slug from sections where id = ?').get(article.publishedSectionId) as { slug: string };
    const neighbour = db
      .prepare("select slug from articles where status = 'published' and published_section_id = ? and id <> ? and published_access = 'public' order by id limit 1")
      .get(article.publishedSectionId, article.id) as { slug: string } | undefined;
    return {
      articleId: article.id,
      articleSlug: article.slug,
      unrelated: [...sections.map((row) => `/sections/${row.slug}`), ...authors.map((row) => `/authors/${row.slug}`)],
      neighbours: [`/sections/${section.slug}`, ...(neighbour ? [`/articles/${neighbour.slug}`] : [])],
    };
  });
}

/**
 * Reader pages that show none of these articles nor these entities, so a change to them must leave
 * those pages cached: sections none of the articles is filed in, an entity page listing none of them,
 * and a published issue none of them belongs to.
 */
function pagesShowingNone({ articleIds, entityIds = [] }: { articleIds: number[]; entityIds?: number[] }): string[] {
  const marks = (list: unknown[]) => (list.length === 0 ? 'null' : list.map(() => '?').join(', '));
  return readDatabase((db) => {
    const sections = db
      .prepare(
        `select slug from sections where id not in (select section_id from articles where id in (${marks(articleIds)}) and section_id is not null)
           and id not in (select published_section_id from articles where id in (${marks(articleIds)}) and published_section_id is not null) order by id limit 2`,
      )
      .all(...articleIds, ...articleIds) as { slug: string }[];
    const entity = db
      .prepare(
        `select kind, slug from entities e where status = 'approved' and id not in (${marks(entityIds)})
           and exists (select 1 from published_article_entities p where p.entity_id = e.id)
           and not exists (select 1 from published_article_entities p where p.entity_id = e.id and p.article_id in (${marks(articleIds)}))
           and not exists (select 1 from article_entities a where a.entity_id = e.id and a.article_id in (${marks(articleIds)}))
         order by id limit 1`,
      )
      .get(...entityIds, ...articleIds, ...articleIds) as { kind: EntityKind; slug: string } | undefined;
    const issue = db
      .prepare(
        `select slug from issues where status = 'published'
           and id not in (select issue_id from articles where id in (${marks(articleIds)}) and issue_id is not null)
           and id not in (select published_issue_id from articles where id in (${marks(articleIds)}) and published_issue_id is not null) order by id limit 1`,
      )
      .get(...articleIds, ...articleIds) as { slug: string } | undefined;
    return [...sections.map((row) => `/sections/${row.slug}`), ...(entity ? [entityPath(entity)] : []), ...(issue ? [`/issues/${issue.slug}`] : [])];
  });
}

/** The wall-clock minute (`YYYY-MM-DDTHH:mm`) an instant falls in, in the site's time zone, as the desk's date pickers send it. */
function siteWallTime(instant: Date): string {
  const stored = readDatabase((db) => db.prepare("select value from settings where key = 'timeZone'").get() as { value: string } | undefined);
  const timeZone = stored ? (JSON.parse(stored.value) as string) : process.env.SITE_TIME_ZONE || 'UTC';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** "page 120 ms, …" for the figures. */
function describeTimes(seen: Record<string, number>): string {
  return Object.entries(seen)
    .map(([page, ms]) => `${page} ${ms} ms`)
    .join(', ');
}

/** Each page asked twice, so it is in the cache and answered from it. */
async function warm(pages: string[]): Promise<Map<string, number>> {
  const hits = new Map<string, number>();
  for (const page of pages) {
    await throughEdge(page);
    const second = await throughEdge(page);
    if (second.cache !== 'HIT') {
      throw new Error(`${page} is not kept by the edge: the second request answered ${second.status} ${second.cache}.\nThe edge's health checks of the app:\n${edge!.healthLog()}`);
    }
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
  app = await startApp({ port: appPort, databasePath, env: { EDGE_PURGE_URLS: edge.url, WORKER_INTERVAL_MS: String(WORKER_INTERVAL_MS) } });
  editor = await signInStaff({ baseUrl: app.url, email: 'editor@demo.masthead' });
  await warmOrigin();
  await untilEdgeSeesOrigin();
});

/**
 * Each kind of reader page asked of the app once, as a deployment warms a new origin before it takes readers:
 * a fresh process loads a page's code on its first request, which can hold it for a second or more.
 */
async function warmOrigin(): Promise<void> {
  const { articleSlug, unrelated } = pickFixture();
  for (const page of ['/', `/articles/${articleSlug}`, ...unrelated, ...pagesShowingNone({ articleIds: [] }), '/corrections', '/issues', '/feed.xml']) {
    await (await fetch(`${app!.url}${page}`)).arrayBuffer();
  }
}

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

/** The editor adds a paragraph holding `marker` to a published article and publishes the update; the database holds it. */
async function publishParagraph(articleId: number, marker: string): Promise<void> {
  const saved = await editor.request(`/api/desk/articles/${articleId}`, { method: 'PUT', body: appendParagraph(await loadArticle(editor, articleId), marker) });
  expect(saved.status).toBe(200);
  const updated = await editor.request(`/api/desk/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'update' } });
  expect(updated.status).toBe(200);
  const publishedBody = readDatabase((db) => (db.prepare('select r.body from articles a join revisions r on r.id = a.published_revision_id where a.id = ?').get(articleId) as { body: string }).body);
  expect(publishedBody).toContain(marker);
}

describe('behind Varnish', () => {
  it('purges exactly what a publication changes, within a second, and leaves unrelated pages cached', async () => {
    const { articleId, articleSlug, unrelated, neighbours } = pickFixture();
    expect(unrelated.length).toBeGreaterThanOrEqual(2);
    expect(neighbours).toHaveLength(2);
    const articlePath = `/articles/${articleSlug}`;
    const first = await throughEdge(articlePath);
    expect(first.status, `the article through the edge; its health checks of the app:\n${first.status === 200 ? '' : edge!.healthLog()}`).toBe(200);
    expect(first.keys, 'the edge strips keys before readers see them').toBe('');
    const origin = await fetch(`${app!.url}${articlePath}`);
    expect(origin.headers.get('xkey')?.split(' ')).toEqual(expect.arrayContaining([`article:${articleId}`, 'site']));
    expect(origin.headers.get('surrogate-key')).toBe(origin.headers.get('xkey'));
    await warm([articlePath, '/feed.xml']);
    const hits = await warm(unrelated);
    const neighbourHits = await warm(neighbours);
    const timings: string[] = [];

    // Update: the new paragraph, as saved in the database, is what readers get. Nothing another page shows
    // of the article changed, so the pages listing it stay cached too.
    const marker = `Edge update ${Date.now()}`;
    await publishParagraph(articleId, marker);
    timings.push(`update ${await msUntil(articlePath, (answer) => answer.status === 200 && answer.text.includes(marker))} ms`);
    const feed = await throughEdge('/feed.xml');
    expect(feed.cache, 'the site feed lists the newest articles and is purged with them').toBe('MISS');
    await expectStillCached(hits);
    await expectStillCached(neighbourHits);
    expect((await throughEdge(articlePath)).cache).toBe('HIT');

    // Unpublish: the address answers 410 Gone through the edge, and the pages that listed it are fetched afresh.
    const unpublished = await editor.request(`/api/desk/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'unpublish' } });
    expect(unpublished.status).toBe(200);
    expect(readDatabase((db) => (db.prepare('select status from articles where id = ?').get(articleId) as { status: string }).status)).toBe('unpublished');
    timings.push(`unpublish ${await msUntil(articlePath, (answer) => answer.status === 410)} ms`);
    for (const page of neighbours) {
      const answer = await throughEdge(page);
      expect(answer.cache, `${page} listed the withdrawn article and was purged`).toBe('MISS');
      // (A neighbouring article's own text may link it; its section's list may not.)
      if (page.startsWith('/sections/')) expect(answer.text, `${page} no longer lists the withdrawn article`).not.toContain(`href="${articlePath}"`);
    }
    await expectStillCached(hits);

    // Publish again: back, with the same text.
    const published = await editor.request(`/api/desk/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'publish' } });
    expect(published.status).toBe(200);
    timings.push(`publish ${await msUntil(articlePath, (answer) => answer.status === 200 && answer.text.includes(marker))} ms`);
    await expectStillCached(hits);

    recordTrustResult({ check: 'Edge cache: purges on publication', tried: 3, failures: 0, figures: `visible through Varnish after ${timings.join(', ')}; ${hits.size} unrelated pages stayed cached, and through the text-only update the ${neighbours.length} pages listing it too` });
  });

  it('shows a correction on the article and the corrections page within a second, and leaves unrelated pages cached', async () => {
    const article = readDatabase(
      (db) =>
        db.prepare("select id, slug from articles where status = 'published' and published_section_id is not null order by id limit 1 offset 1").get() as { id: number; slug: string },
    );
    const changed = [`/articles/${article.slug}`, '/corrections'];
    const unrelated = pagesShowingNone({ articleIds: [article.id] });
    expect(unrelated.length).toBeGreaterThanOrEqual(2);
    await warm(changed);
    const hits = await warm(unrelated);

    const note = `Edge correction ${Date.now()}: the talks lasted three days, not two.`;
    const corrected = await editor.request(`/api/desk/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'update', correction: { kind: 'correction', note } } });
    expect(corrected.status).toBe(200);
    const since = Date.now();
    expect(readDatabase((db) => db.prepare('select note from article_corrections where article_id = ? order by id desc limit 1').get(article.id))).toEqual({ note });
    const seen = await msUntilAll(Object.fromEntries(changed.map((page) => [page, (answer: Answer) => answer.status === 200 && answer.text.includes(note)])), { since });
    await expectStillCached(hits);

    recordTrustResult({ check: 'Edge cache: purges on a correction', tried: changed.length, failures: 0, figures: `${describeTimes(seen)}; ${hits.size} unrelated pages stayed cached` });
  });

  it('shows a renamed entity on its page, on every article tagged with it and beside it, within a second, and leaves unrelated pages cached', async () => {
    // A person on two published articles: their pages show the name in their tags.
    const entity = readDatabase(
      (db) =>
        db
          .prepare(
            `select e.id, e.kind, e.slug, e.name, e.description, e.wikidata_id as wikidataId, e.facts from entities e
               join published_article_entities p on p.entity_id = e.id where e.kind = 'person' and e.status = 'approved'
             group by e.id having count(*) = 2 order by e.id limit 1`,
          )
          .get() as { id: number; kind: EntityKind; slug: string; name: string; description: string; wikidataId: string | null; facts: string },
    );
    const tagged = readDatabase(
      (db) =>
        db
          .prepare(
            `select id, slug, id in (select article_id from published_article_entities where entity_id = ?) as isShown from articles
               where id in (select article_id from published_article_entities where entity_id = ? union select article_id from article_entities where entity_id = ?)`,
          )
          .all(entity.id, entity.id, entity.id) as { id: number; slug: string; isShown: number }[],
    );
    const shown = tagged.filter((article) => article.isShown === 1);
    // An entity tagged beside it lists it under "Often alongside" (the one with fewest articles, whose short list surely names it).
    const alongside = readDatabase(
      (db) =>
        db
          .prepare(
            `select e.kind, e.slug from entities e join published_article_entities p on p.entity_id = e.id
               where e.id != ? and e.status = 'approved' and e.id in (select entity_id from published_article_entities where article_id = ?)
             group by e.id order by count(*), e.id limit 1`,
          )
          .get(entity.id, shown[0]!.id) as { kind: EntityKind; slug: string } | undefined,
    );
    const unrelated = pagesShowingNone({ articleIds: tagged.map((article) => article.id), entityIds: [entity.id] });
    expect(unrelated.length).toBeGreaterThanOrEqual(2);
    const facts = Object.fromEntries(Object.entries(JSON.parse(entity.facts) as Record<string, unknown>).map(([key, value]) => [`facts.${key}`, String(value)]));
    const stamp = Date.now();
    const figures: string[] = [];
    let current = { name: entity.name, slug: entity.slug };
    // The name alone; then a new address, which a reader asked for (and did not find) before; then back to the
    // first address, which redirected to the second in between.
    for (const next of [
      { name: `Renamed Person ${stamp}`, slug: entity.slug },
      { name: `Renamed Person ${stamp}`, slug: `renamed-person-${stamp}` },
      { name: `Renamed Again ${stamp}`, slug: entity.slug },
    ]) {
      const [before, after] = [entityPath({ kind: entity.kind, slug: current.slug }), entityPath({ kind: entity.kind, slug: next.slug })];
      const showsName = (answer: Answer) => answer.status === 200 && answer.text.includes(next.name);
      const showsLink = (answer: Answer) => showsName(answer) && answer.text.includes(`href="${after}"`);
      const checks: Record<string, (answer: Answer) => boolean> = {
        [after]: showsName,
        ...Object.fromEntries(shown.map((article) => [`/articles/${article.slug}`, showsLink])),
        ...(alongside ? { [entityPath(alongside)]: showsLink } : {}),
      };
      if (before !== after) checks[before] = (answer) => answer.status === 308 && (answer.location.endsWith(after) || answer.location.endsWith(`${after}?page=1`));
      for (const page of Object.keys(checks)) {
        await throughEdge(page);
        await throughEdge(page);
      }
      const hits = await warm(unrelated);

      const renamed = await callDeskAction({
        staff: editor,
        baseUrl: app!.url,
        action: 'app/desk/entities/actions.ts#updateEntityAction',
        page: `/desk/entities/${entity.id}`,
        args: [null, { form: { entityId: entity.id, kind: entity.kind, name: next.name, slug: next.slug, description: entity.description, wikidataId: entity.wikidataId ?? '', ...facts } }],
      });
      expect(renamed.status).toBe(200);
      const since = Date.now();
      expect(readDatabase((db) => db.prepare('select name, slug from entities where id = ?').get(entity.id)), renamed.text.slice(-300)).toEqual(next);
      const seen = await msUntilAll(checks, { since });
      await expectStillCached(hits);
      figures.push(`${current.slug === next.slug ? 'name' : `address ${before} → ${after}`}: ${describeTimes(seen)}, ${hits.size} unrelated pages stayed cached`);
      current = next;
    }

    recordTrustResult({ check: 'Edge cache: purges on an entity rename', tried: figures.length, failures: 0, figures: figures.join('; ') });
  });

  it('publishes an embargoed article at its time and shows it through the edge within a second of it, leaving unrelated pages cached', async () => {
    const article = readDatabase(
      (db) =>
        db.prepare("select a.id, a.slug, a.title, s.slug as section from articles a join sections s on s.id = a.section_id where a.status = 'approved' order by a.id limit 1").get() as {
          id: number;
          slug: string;
          title: string;
          section: string;
        },
    );
    const articlePath = `/articles/${article.slug}`;
    // The desk takes whole minutes: the first one at least 10 s away, so the embargo and the schedule are set in time.
    const due = new Date(Math.ceil((Date.now() + 10_000) / 60_000) * 60_000);
    const embargoed = await editor.request(`/api/desk/articles/${article.id}/embargo`, { method: 'PUT', body: { until: siteWallTime(due) } });
    expect(embargoed.status, JSON.stringify(embargoed.json)).toBe(200);
    const early = await editor.request(`/api/desk/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'publish' } });
    expect(early.status, 'an embargoed article cannot be published before its time').toBe(422);
    const scheduled = await editor.request(`/api/desk/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'schedule', scheduledFor: siteWallTime(due) } });
    expect(scheduled.status, JSON.stringify(scheduled.json)).toBe(200);
    expect(readDatabase((db) => db.prepare('select status, scheduled_for as scheduledFor, embargoed_until as embargoedUntil from articles where id = ?').get(article.id))).toEqual({
      status: 'scheduled',
      scheduledFor: due.getTime(),
      embargoedUntil: due.getTime(),
    });

    // Shortly before its time: the pages it will appear on are kept without it, and the article is not there.
    await delay(Math.max(0, due.getTime() - Date.now() - 4_000));
    const changed = [articlePath, '/', `/sections/${article.section}`];
    const unrelated = pagesShowingNone({ articleIds: [article.id] });
    expect(unrelated.length).toBeGreaterThanOrEqual(2);
    await warm(changed.slice(1));
    const hits = await warm(unrelated);
    expect((await throughEdge(articlePath)).status, 'nothing of it is public before its time').toBe(404);
    for (const page of changed.slice(1)) expect((await throughEdge(page)).text).not.toContain(article.slug);

    await delay(Math.max(0, due.getTime() - Date.now()));
    const seen = await msUntilAll(
      {
        [articlePath]: (answer) => answer.status === 200 && answer.text.includes(article.slug),
        '/': (answer) => answer.status === 200 && answer.text.includes(articlePath),
        [`/sections/${article.section}`]: (answer) => answer.status === 200 && answer.text.includes(articlePath),
      },
      { since: due.getTime() },
    );
    expect(readDatabase((db) => db.prepare('select status from articles where id = ?').get(article.id))).toEqual({ status: 'published' });
    await expectStillCached(hits);

    recordTrustResult({
      check: 'Edge cache: purges when an embargo lifts',
      tried: changed.length,
      failures: 0,
      figures: `after its scheduled time (worker every ${WORKER_INTERVAL_MS} ms): ${describeTimes(seen)}; ${hits.size} unrelated pages stayed cached`,
    });
  });

  it('shows a published issue on its page, the issue list and home within a second, and leaves unrelated pages cached', async () => {
    const issue = readDatabase((db) => db.prepare("select id, slug, title from issues where status = 'planning' order by id limit 1").get() as { id: number; slug: string; title: string });
    const members = readDatabase((db) => db.prepare('select id, slug, status from articles where issue_id = ? or published_issue_id = ?').all(issue.id, issue.id) as { id: number; slug: string; status: string }[]);
    const unrelated = pagesShowingNone({ articleIds: members.map((article) => article.id) });
    expect(unrelated.length).toBeGreaterThanOrEqual(2);
    const issuePath = `/issues/${issue.slug}`;
    const changed = [issuePath, '/issues', '/'];

    // An editor takes out what is not ready, as the planner asks, then publishes the issue without its email.
    for (const draft of members.filter((article) => !['approved', 'scheduled', 'published'].includes(article.status))) {
      const removed = await callDeskAction({ staff: editor, baseUrl: app!.url, action: 'app/desk/issues/actions.ts#removeIssueArticleAction', page: `/desk/issues/${issue.id}`, args: [{ issueId: issue.id, articleId: draft.id }] });
      expect(removed.status).toBe(200);
    }
    const ready = members.filter((article) => article.status === 'approved');
    expect(ready.length).toBeGreaterThanOrEqual(1);
    const listed = members.filter((article) => ['approved', 'published'].includes(article.status));
    await warm(changed.slice(1));
    const hits = await warm(unrelated);
    for (const page of changed.slice(1)) expect((await throughEdge(page)).text).not.toContain(`href="${issuePath}"`);

    const published = await callDeskAction({
      staff: editor,
      baseUrl: app!.url,
      action: 'app/desk/issues/actions.ts#publishIssueAction',
      page: `/desk/issues/${issue.id}`,
      args: [null, { form: { issueId: issue.id, intent: 'without-email' } }],
    });
    const since = Date.now();
    expect(published.redirect, published.text.slice(-300)).toMatch(new RegExp(`^/desk/issues/${issue.id}\\?published=`));
    expect(readDatabase((db) => db.prepare('select status from issues where id = ?').get(issue.id))).toEqual({ status: 'published' });
    const isListed = (answer: Answer) => answer.status === 200 && answer.text.includes(`href="${issuePath}"`);
    const seen = await msUntilAll(
      {
        [issuePath]: (answer) => answer.status === 200 && answer.text.includes(issue.title) && listed.every((article) => answer.text.includes(`/articles/${article.slug}`)),
        '/issues': isListed,
        '/': isListed,
        ...Object.fromEntries(ready.map((article) => [`/articles/${article.slug}`, (answer: Answer) => answer.status === 200])),
      },
      { since },
    );
    await expectStillCached(hits);

    recordTrustResult({ check: 'Edge cache: purges on an issue publication', tried: Object.keys(seen).length, failures: 0, figures: `${describeTimes(seen)}; ${hits.size} unrelated pages stayed cached` });
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

  it('shows a new section at an address readers had found empty, through the edge within a second', async () => {
    const admin = await signInStaff({ baseUrl: app!.url, email: 'admin@demo.masthead' });
    const stamp = Date.now();
    const slug = `edge-new-${stamp}`;
    const name = `Edge section ${stamp}`;
    const sectionPath = `/sections/${slug}`;
    expect((await throughEdge(sectionPath)).status).toBe(404);
    const again = await throughEdge(sectionPath);
    expect(again.status).toBe(404);

    const created = await callDeskAction({ staff: admin, baseUrl: app!.url, action: 'app/desk/sections/actions.ts#createSectionAction', page: '/desk/sections', args: [null, { form: { name, slug, description: '' } }] });
    expect(created.status).toBeLessThan(400);
    const stored = readDatabase((db) => db.prepare('select name from sections where slug = ?').get(slug) as { name: string } | undefined);
    expect(stored?.name).toBe(name);
    const seenAfter = await msUntil(sectionPath, (answer) => answer.status === 200 && answer.text.includes(name));

    recordTrustResult({ check: 'Edge cache: a new section where readers found none', tried: 1, failures: 0, figures: `the "not found" was ${again.cache === 'PASS' ? 'not kept' : 'kept'} at the edge; the section showed through Varnish ${seenAfter} ms after it was added` });
  });

  /** A new Content API key (not a members key), made on the desk by an admin. */
  async function newContentKey(admin: StaffClient, name: string): Promise<{ id: number; key: string }> {
    const created = await callDeskAction({ staff: admin, baseUrl: app!.url, action: 'app/desk/settings/integrations/actions.ts#createIntegrationAction', page: '/desk/settings/integrations', args: [null, { form: { name, readsMembersContent: 'no' } }] });
    expect(created.status).toBeLessThan(400);
    const row = readDatabase((db) => db.prepare('select id, content_key as key from integrations where name = ?').get(name) as { id: number; key: string } | undefined);
    expect(row, `the integration ${name} was created`).toBeDefined();
    return row!;
  }

  it('shows an article’s update in Content API answers through the edge within a second', async () => {
    const admin = await signInStaff({ baseUrl: app!.url, email: 'admin@demo.masthead' });
    const { key } = await newContentKey(admin, `Edge reader ${Date.now()}`);
    const { articleId, articleSlug } = pickFixture();
    const postPath = `/ghost/api/content/posts/slug/${articleSlug}/?key=${key}&fields=title,slug,html`;
    const postOf = (answer: Answer) => (JSON.parse(answer.text) as { posts: { slug: string; html: string }[] }).posts[0]!;
    const first = await throughEdge(postPath);
    expect(first.status).toBe(200);
    expect(postOf(first).slug).toBe(articleSlug);
    expect((await throughEdge(postPath)).cache, 'the answer is kept at the edge').toBe('HIT');

    const marker = `Edge API update ${Date.now()}`;
    await publishParagraph(articleId, marker);
    const seenAfter = await msUntil(postPath, (answer) => answer.status === 200 && postOf(answer).html.includes(marker));

    recordTrustResult({ check: 'Edge cache: Content API answers follow publication', tried: 1, failures: 0, figures: `an update showed in the API answer through Varnish after ${seenAfter} ms` });
  });

  it('refuses a revoked Content API key through the edge within a second, while another key’s answers stay cached', async () => {
    const admin = await signInStaff({ baseUrl: app!.url, email: 'admin@demo.masthead' });
    const stamp = Date.now();
    const revoked = await newContentKey(admin, `Edge revoked ${stamp}`);
    const kept = await newContentKey(admin, `Edge kept ${stamp}`);
    const postsWith = (key: string) => `/ghost/api/content/posts/?key=${key}&limit=3&fields=title,slug`;
    const newest = readDatabase((db) => db.prepare("select r.title from articles a join revisions r on r.id = a.published_revision_id where a.status = 'published' order by a.published_at desc, a.id desc limit 1").get() as { title: string });

    for (const key of [revoked.key, kept.key]) {
      const first = await throughEdge(postsWith(key));
      expect(first.status).toBe(200);
      expect((JSON.parse(first.text) as { posts: { title: string }[] }).posts[0]?.title, 'the answer lists the newest article').toBe(newest.title);
      const second = await throughEdge(postsWith(key));
      expect(second.cache, 'a public Content API answer is kept at the edge').toBe('HIT');
    }

    const answered = await callDeskAction({ staff: admin, baseUrl: app!.url, action: 'app/desk/settings/integrations/actions.ts#revokeIntegrationAction', page: '/desk/settings/integrations', args: [null, { form: { integrationId: revoked.id } }] });
    expect(answered.status).toBeLessThan(400);
    expect(readDatabase((db) => db.prepare('select revoked_at as revokedAt from integrations where id = ?').get(revoked.id) as { revokedAt: number | null }).revokedAt).not.toBeNull();
    const refusedAfter = await msUntil(postsWith(revoked.key), (answer) => answer.status === 401);
    const refusal = await throughEdge(postsWith(revoked.key));
    expect((JSON.parse(refusal.text) as { errors: { message: string }[] }).errors[0]?.message).toBe('Unknown Content API Key');
    expect((await throughEdge(postsWith(kept.key))).cache, 'the other key’s answer is still served from the edge').toBe('HIT');

    recordTrustResult({ check: 'Edge cache: a revoked Content API key', tried: 2, failures: 0, figures: `refused through the edge ${refusedAfter} ms after revoking; the other key's answer still a HIT` });
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

    app = await startApp({ port: appPort, databasePath, env: { EDGE_PURGE_URLS: edge!.url, WORKER_INTERVAL_MS: String(WORKER_INTERVAL_MS) } });
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
