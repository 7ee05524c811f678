// Before anything loads Next's cache functions, which need the request storage a server provides.
import '../support/next-async-local-storage';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, entities, sections } from '@/db/schema';
import { POST as revalidate } from '@/app/api/internal/revalidate/route';
import { publishDueArticles } from '@/lib/articles/publish-due-articles';
import { setEmbargo } from '@/lib/articles/set-embargo';
import { transitionArticle } from '@/lib/articles/transition-article';
import { entityPath } from '@/lib/entities/entity-path';
import { updateEntity } from '@/lib/entities/update-entity';
import { addIssueArticle } from '@/lib/issues/add-issue-article';
import { publishIssue } from '@/lib/issues/publish-issue';
import { readerContentTags } from '@/lib/platform/cache/reader-content-tags';
import { instantToWallTime } from '@/lib/platform/time/zoned-time';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { edgeKeysFor, publicKeyHeaders } from '@/lib/platform/edge/edge-keys';
import { EDGE_PURGE_JOB_KIND, queueEdgePurge } from '@/lib/platform/edge/purge-edges';
import { edgeSettingsFromEnv, edgeVcl, findVarnishd } from '@/lib/platform/edge/varnish-command';
import { getJob, listOpenJobs } from '@/lib/platform/jobs/job-queue';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { createReadyArticle } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';
import { withinServerAction } from '../support/within-server-action';

withTempDatabase();

type Purge = { method: string; keys: string[] };

/** A real HTTP server standing in for an edge: records each purge and answers as Varnish's VCL does. */
async function edgeServer(status = 200): Promise<{ url: string; purges: Purge[]; close: () => Promise<void> }> {
  const purges: Purge[] = [];
  const server = http.createServer((request, response) => {
    purges.push({ method: request.method ?? '', keys: String(request.headers['xkey-purge'] ?? '').split(' ') });
    response.writeHead(status).end('Purged 1 objects.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, purges, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function until(isDone: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 20) {
    if (isDone()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

const savedUrls = process.env.EDGE_PURGE_URLS;
afterEach(() => {
  if (savedUrls === undefined) delete process.env.EDGE_PURGE_URLS;
  else process.env.EDGE_PURGE_URLS = savedUrls;
});

describe('purging edge caches', () => {
  it('sends the tags the one expiry point expires, as keys, to every configured edge at once', async () => {
    const [first, second] = [await edgeServer(), await edgeServer()];
    process.env.EDGE_PURGE_URLS = `${first.url}, ${second.url}`;
    const article = createTestArticle({ title: 'Talks resume' });

    const { result } = withinServerAction(() => expireReaderContent({ kind: 'article', articleIds: [article.id] }));

    await until(() => first.purges.length === 1 && second.purges.length === 1, 'both edges to be purged');
    for (const edge of [first, second]) {
      expect(edge.purges[0]!.method).toBe('PURGE');
      expect(edge.purges[0]!.keys.toSorted()).toEqual(result.tags.toSorted());
    }
    expect(result.tags).toEqual(expect.arrayContaining([`article:${article.id}`, 'home']));
    await until(() => listOpenJobs(EDGE_PURGE_JOB_KIND).length === 0, 'the purge jobs to finish');
    await Promise.all([first.close(), second.close()]);
  });

  it('leaves a purge an edge refused or could not take on the queue, to be retried, without failing the change', async () => {
    const refusing = await edgeServer(503);
    const closed = await edgeServer();
    await closed.close();
    const [refusedJob, unreachableJob] = queueEdgePurge(['article:1', 'home'], { urls: [refusing.url, closed.url] });

    await until(() => getJob(refusedJob!)?.attempts === 1 && getJob(refusedJob!)?.status === 'queued', 'the refused purge to wait for a retry');
    await until(() => getJob(unreachableJob!)?.attempts === 1 && getJob(unreachableJob!)?.status === 'queued', 'the unreachable purge to wait for a retry');
    expect(getJob(refusedJob!)?.lastError).toContain('503');
    expect(getJob(refusedJob!)?.runAfter).toBeGreaterThan(Date.now());
    await refusing.close();
  });

  it('sends nothing when no edge is configured', () => {
    delete process.env.EDGE_PURGE_URLS;
    expect(queueEdgePurge(['home'])).toEqual([]);
    withinServerAction(() => expireReaderContent({ kind: 'settings' }));
    expect(listOpenJobs(EDGE_PURGE_JOB_KIND)).toEqual([]);
  });
});

describe('purges for each kind of publication', () => {
  /** One stand-in edge for the change; answers every key it was sent to purge once the jobs have run. */
  async function keysPurgedBy(change: () => unknown): Promise<Set<string>> {
    const edge = await edgeServer();
    process.env.EDGE_PURGE_URLS = edge.url;
    try {
      await change();
      await until(() => edge.purges.length > 0 && listOpenJobs(EDGE_PURGE_JOB_KIND).length === 0, 'the purge to reach the edge');
      return new Set(edge.purges.flatMap((purge) => purge.keys));
    } finally {
      delete process.env.EDGE_PURGE_URLS;
      await edge.close();
    }
  }

  /** The keys each page is kept under at an edge, read before the change, as when the edge stored it. */
  function keptUnder(pages: string[]): Map<string, string[]> {
    return new Map(pages.map((page) => [page, edgeKeysFor(page)]));
  }

  /** Every page that shows the change shares a purged key; no unrelated page does, and nothing site-wide was purged. */
  function expectPurgedExactly(purged: Set<string>, { showing, unrelated }: { showing: Map<string, string[]>; unrelated: Map<string, string[]> }): void {
    expect([...purged].filter((key) => ['site', 'navigation', 'feeds'].includes(key)), 'site-wide keys purged').toEqual([]);
    for (const [page, keys] of showing) expect(keys.some((key) => purged.has(key)), `${page} is purged`).toBe(true);
    for (const [page, keys] of unrelated) expect(keys.filter((key) => purged.has(key)), `${page} is left cached`).toEqual([]);
  }

  function sectionPath(sectionId: number): string {
    return `/sections/${getDb().select({ slug: sections.slug }).from(sections).where(eq(sections.id, sectionId)).get()!.slug}`;
  }

  /** A published article in a section, an entity and an issue of its own, none of which the change touches. */
  function unrelatedPages(): Map<string, string[]> {
    const sectionId = createTestSection('Elsewhere');
    const issue = createTestIssue();
    const entity = createTestEntity({ kind: 'country', name: `Elsewhere ${sectionId}` });
    const article = createTestArticle({ title: 'Elsewhere', sectionId, issueId: issue.id, entityIds: [entity.id] });
    return keptUnder([sectionPath(sectionId), `/issues/${issue.slug}`, entityPath(entity), `/articles/${article.slug}`, '/countries/nowhere-yet']);
  }

  async function publishedReadyArticle(editor: StaffIdentity & { contributorId: number }) {
    const article = createReadyArticle({ owner: editor, status: 'approved' });
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } }).ok).toBe(true);
    return article;
  }

  it('purges a corrected article, the corrections page and the lists it is on', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = await publishedReadyArticle(editor);
    const unrelated = unrelatedPages();
    const entity = getDb().select().from(entities).where(eq(entities.id, article.entityId)).get()!;
    const showing = keptUnder([`/articles/${article.slug}`, '/corrections', '/', '/feed.xml', entityPath(entity)]);

    const purged = await keysPurgedBy(() => {
      // As the workflow route does: what readers saw before, then the move, then the expiry.
      const before = readerContentTags({ kind: 'article', articleIds: [article.id] });
      const result = transitionArticle({ id: article.id, actor: editor, input: { action: 'update', correction: { kind: 'correction', note: 'The talks lasted three days.' } } });
      expect(result.ok).toBe(true);
      withinServerAction(() => expireReaderContent({ kind: 'article', articleIds: [article.id] }, { before }));
    });

    expectPurgedExactly(purged, { showing, unrelated });
  });

  it('purges an embargoed article’s pages when the worker publishes it at its time', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: editor, status: 'approved' });
    const lifts = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000);
    const wall = instantToWallTime({ instant: lifts, timeZone: 'UTC' });
    expect(setEmbargo({ id: article.id, actor: editor, input: { until: wall } }).ok).toBe(true);
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'schedule', scheduledFor: wall } }).ok).toBe(true);
    const unrelated = unrelatedPages();
    const section = getDb().select({ sectionId: articles.sectionId }).from(articles).where(eq(articles.id, article.id)).get()!;
    const showing = keptUnder([`/articles/${article.slug}`, '/', '/feed.xml', sectionPath(section.sectionId!)]);
    // The worker runs outside any request: it asks the server's revalidation route, served here by the real handler.
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const forwarded = new Request('http://127.0.0.1/api/internal/revalidate', { method: 'POST', headers: request.headers as Record<string, string>, body: Buffer.concat(chunks) });
        void withinServerAction(() => revalidate(forwarded)).result.then(async (answer) => response.writeHead(answer.status).end(await answer.text()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const savedOrigin = process.env.INTERNAL_URL;
    process.env.INTERNAL_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(publishDueArticles({ now: new Date(lifts.getTime() - 1_000) }), 'nothing is due before the embargo lifts').toBe(0);
    try {
      const purged = await keysPurgedBy(() => expect(publishDueArticles({ now: new Date(lifts.getTime() + 1_000) })).toBe(1));
      expectPurgedExactly(purged, { showing, unrelated });
    } finally {
      if (savedOrigin === undefined) delete process.env.INTERNAL_URL;
      else process.env.INTERNAL_URL = savedOrigin;
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('purges a renamed entity’s page, every article tagged with it, the entities beside it and the addresses it moves between', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const renamed = createTestEntity({ kind: 'person', name: 'Ada Renamed', facts: { role: 'Envoy' } });
    const beside = createTestEntity({ kind: 'organization', name: 'Beside Org' });
    const sectionId = createTestSection('Tagged');
    const tagged = createTestArticle({ title: 'Tagged twice', sectionId, entityIds: [renamed.id, beside.id] });
    const unrelated = unrelatedPages();
    const rename = (input: { name: string; slug: string }) => () => {
      expect(updateEntity({ actor: editor, id: renamed.id, input: { kind: 'person', description: '', wikidataId: '', facts: { role: 'Envoy' }, ...input } }).ok).toBe(true);
      withinServerAction(() => expireReaderContent({ kind: 'entity', entityIds: [renamed.id] }));
    };

    const showing = keptUnder([entityPath(renamed), `/people/${renamed.slug}/feed.xml`, `/articles/${tagged.slug}`, entityPath(beside), sectionPath(sectionId)]);
    expectPurgedExactly(await keysPurgedBy(rename({ name: 'Ada Newname', slug: renamed.slug })), { showing, unrelated });

    // A new address a reader found empty before, and the old one, which now redirects.
    const moved = keptUnder(['/people/ada-newname', entityPath(renamed), `/articles/${tagged.slug}`]);
    expectPurgedExactly(await keysPurgedBy(rename({ name: 'Ada Newname', slug: 'ada-newname' })), { showing: moved, unrelated });
    // Back to the first address, whose redirect an edge may keep.
    const back = keptUnder([entityPath(renamed), '/people/ada-newname']);
    expectPurgedExactly(await keysPurgedBy(rename({ name: 'Ada Newname', slug: renamed.slug })), { showing: back, unrelated });
  });

  it('purges a published issue’s page, the issue list, home and the pages of the articles it publishes', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createTestIssue({ status: 'planning' });
    const article = createReadyArticle({ owner: editor, status: 'approved' });
    expect(addIssueArticle({ actor: editor, issueId: issue.id, articleId: article.id }).ok).toBe(true);
    const unrelated = unrelatedPages();
    const showing = keptUnder([`/issues/${issue.slug}`, '/issues', '/', '/feed.xml', `/articles/${article.slug}`, `/issues/${issue.slug}/feed.xml`]);

    const purged = await keysPurgedBy(() => {
      expect(publishIssue({ actor: editor, id: issue.id, isEmailWanted: false }).ok).toBe(true);
      withinServerAction(() => expireReaderContent({ kind: 'issue', issueIds: [issue.id] }));
    });

    expectPurgedExactly(purged, { showing, unrelated });
  });
});

describe('edge keys of public responses', () => {
  it('names the article, its issue, section, entities and authors on its page, and home and feeds on theirs', () => {
    const sectionId = createTestSection('Keys');
    const { id: issueId } = createTestIssue();
    const entity = createTestEntity({ kind: 'country', name: 'Keyland' });
    const article = createTestArticle({ title: 'Keys of a page', sectionId, issueId, entityIds: [entity.id] });
    const keys = edgeKeysFor(`/articles/${article.slug}`);
    expect(keys).toEqual(
      expect.arrayContaining(['site', 'navigation', `article:${article.id}`, `article-slug:${article.slug}`, `section:${sectionId}`, `issue:${issueId}`, `entity:${entity.id}`]),
    );
    expect(edgeKeysFor('/countries/keyland')).toEqual(expect.arrayContaining([`entity:${entity.id}`, 'entity-slug:country:keyland']));
    expect(edgeKeysFor('/countries/not-yet')).toEqual(['site', 'navigation', 'entity-slug:country:not-yet']);
    expect(edgeKeysFor('/')).toEqual(expect.arrayContaining(['home', 'articles', 'site']));
    expect(edgeKeysFor('/feed.xml')).toEqual(expect.arrayContaining(['feeds', 'articles']));
    expect(edgeKeysFor('/articles/a%20b c')).toContain('article-slug:a%20b%20c');
    const headers = publicKeyHeaders({ method: 'GET', pathname: '/' });
    expect(headers['Surrogate-Key']).toBe(headers.xkey);
    expect(publicKeyHeaders({ method: 'POST', pathname: '/' })).toEqual({});
    expect(publicKeyHeaders({ method: 'GET', pathname: '/desk' })).toEqual({});
  });
});

describe('npm run edge', () => {
  it('writes the app address and the purge allow-list into the VCL', async () => {
    const settings = edgeSettingsFromEnv({ EDGE_PORT: '9090', PORT: '4000', EDGE_PURGE_ALLOW: '10.0.0.0/8, 192.0.2.1' }, { dataDir: '/srv/data' });
    expect(settings).toMatchObject({ port: 9090, backendUrl: 'http://127.0.0.1:4000', workDir: '/srv/data/edge' });
    const vcl = await edgeVcl(settings);
    expect(vcl).toMatch(/\.host = "127\.0\.0\.1";\s*\.port = "4000";/);
    expect(vcl).toMatch(/acl purgers \{\s*"10\.0\.0\.0"\/8;\s*"192\.0\.2\.1";\s*\}/);
    await expect(edgeVcl({ ...settings, purgeAllow: ['everyone'] })).rejects.toThrow(/EDGE_PURGE_ALLOW lists "everyone"/);
    expect(() => edgeSettingsFromEnv({ EDGE_PORT: 'eighty' }, { dataDir: '/srv' })).toThrow(/EDGE_PORT must be a port number/);
  });

  it('says how to install varnishd when it is missing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-varnish-'));
    expect(() => findVarnishd({ VARNISHD: path.join(empty, 'varnishd') })).toThrow(/apt-get install varnish varnish-modules/);
  });
});
