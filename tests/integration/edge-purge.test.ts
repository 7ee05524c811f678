// Before anything loads Next's cache functions, which need the request storage a server provides.
import '../support/next-async-local-storage';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { edgeKeysFor, publicKeyHeaders } from '@/lib/platform/edge/edge-keys';
import { EDGE_PURGE_JOB_KIND, queueEdgePurge } from '@/lib/platform/edge/purge-edges';
import { edgeSettingsFromEnv, edgeVcl, findVarnishd } from '@/lib/platform/edge/varnish-command';
import { getJob, listOpenJobs } from '@/lib/platform/jobs/job-queue';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestEntity } from '../factories/entity';
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
    expect(edgeKeysFor('/countries/keyland')).toContain(`entity:${entity.id}`);
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
