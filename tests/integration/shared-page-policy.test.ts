import { createHash } from 'node:crypto';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRedirect, getRedirect } from '@/lib/migration/redirects/redirects';
import { cacheTags } from '@/lib/platform/cache/cache-tags';
import { sqliteTagExpirationStore } from '@/lib/platform/cache/tag-expiration-store';
import { inlineScriptHashes } from '@/lib/site/inline-script-hashes';
import { answerFromKeptPage, keptPageHeaders } from '@/lib/site/kept-page-answer';
import { READER_CACHE_CONTROL } from '@/lib/site/security-headers';
import { proxy } from '@/proxy';
import { createTestArticle } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const scriptSource = (policy: string) => policy.split('; ').find((directive) => directive.startsWith('script-src')) ?? '';

const FIRST = '(self.__next_f=self.__next_f||[]).push([0])';
const SECOND = 'self.__next_f.push([1,"Verification \\u003c/script\\u003e « Ω »"])';

/** A page as the app renders it: inline scripts and script files carrying the render's nonce, and a JSON-LD block. */
function renderedHtml(nonce: string): string {
  return [
    '<!DOCTYPE html><html><head>',
    `<script src="/_next/static/chunks/main.js" async="" nonce="${nonce}"></script>`,
    `<script nonce="${nonce}">${FIRST}</script>`,
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    '</head><body><p>Inspections resume</p>',
    `<script nonce="${nonce}">${SECOND}</script>`,
    '</body></html>',
  ].join('');
}

describe('hashes of a page’s inline scripts', () => {
  it('lists one hash per distinct inline script, of its exact text, and none for script files or data blocks', () => {
    const hashes = inlineScriptHashes(renderedHtml('abc'));
    expect(hashes).toEqual(expect.arrayContaining([sha256(FIRST), sha256(SECOND)]));
    expect(hashes).not.toContain(sha256(''));
    expect(hashes).not.toContain(sha256('{"@type":"NewsArticle"}'));
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('a reader page kept by the server and shared by caches', () => {
  let server: http.Server;
  let renders = 0;
  /** While set, renders of addresses containing `held` wait for it to be released. */
  let hold: Promise<void> | null = null;
  /** Addresses that answer 404 from now on, as a page taken down would. */
  const gone = new Set<string>();
  const renderRequests: { url: string; cookie?: string; forwardedFor?: string | string[] }[] = [];
  const savedInternalUrl = process.env.INTERNAL_URL;

  beforeAll(async () => {
    // The app's own server, as the proxy asks it for a page to keep: renders with the nonce it was given.
    server = http.createServer(async (request, response) => {
      if (request.url?.includes('held') && hold) await hold;
      if (request.url?.includes('missing') || gone.has(request.url ?? '')) {
        response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<p>Not found</p>');
        return;
      }
      renders += 1;
      renderRequests.push({ url: request.url ?? '', cookie: request.headers.cookie, forwardedFor: request.headers['x-forwarded-for'] });
      const nonce = Buffer.from(`render-${renders}`).toString('base64');
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      });
      response.end(renderedHtml(nonce).replace('<p>Inspections resume</p>', `<p>Inspections resume</p><p>Render ${renders}</p>`));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.INTERNAL_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    process.env.INTERNAL_URL = savedInternalUrl;
    await new Promise((resolve) => server.close(resolve));
  });

  it('builds a kept page’s headers once, and again when the address’s cache keys or the scheme change', () => {
    const page = { body: new Uint8Array(new ArrayBuffer(4)), scripts: 'none' as const, contentType: 'text/html; charset=utf-8' };
    const before = { 'xkey': 'article-1 section-2' };
    const first = keptPageHeaders({ page, keyHeaders: before, isHttps: false });
    expect(keptPageHeaders({ page, keyHeaders: before, isHttps: false })).toBe(first);
    expect(first.xkey).toBe('article-1 section-2');
    // An article moved to another section: the address's facts are read again, with new keys.
    const after = { 'xkey': 'article-1 section-3' };
    expect(keptPageHeaders({ page, keyHeaders: after, isHttps: false }).xkey).toBe('article-1 section-3');
    expect(keptPageHeaders({ page, keyHeaders: after, isHttps: true })['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    expect(keptPageHeaders({ page, keyHeaders: after, isHttps: false })['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
  });

  it('answers every reader the same bytes under the same policy: no script at all, no nonce to share', async () => {
    const article = createTestArticle({ title: 'Inspections resume' });
    const ask = () => proxy(new NextRequest(`http://localhost:3000/articles/${article.slug}`));
    const [first, second] = [await ask(), await ask()];
    expect(renders).toBe(1);
    const policy = first.headers.get('content-security-policy') ?? '';
    expect(second.headers.get('content-security-policy')).toBe(policy);
    expect(scriptSource(policy)).toBe("script-src 'none'");
    expect(first.headers.get('cache-control')).toBe(READER_CACHE_CONTROL);
    const body = await first.text();
    expect(body).toContain('<p>Inspections resume</p>');
    // The framework's files and page data are left out (docs/adr/015); the JSON-LD data block stays.
    expect(body).not.toContain('/_next/static/chunks/main.js');
    expect(body).not.toContain('__next_f');
    expect(body).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>');
    expect(await second.text()).toBe(body);
  });

  it('answers a kept page before Next routes the request with what the proxy sends, and leaves every other request to the proxy', async () => {
    const article = createTestArticle({ title: 'Answered early' });
    const gated = createTestArticle({ title: 'Members only', access: 'members', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Open.' }] }, { type: 'membersStart' }, { type: 'paragraph', content: [{ type: 'text', text: 'Closed.' }] }] } });
    const path = `/articles/${article.slug}`;
    const plain = (url: string, headers: Record<string, string> = {}, method = 'GET') => answerFromKeptPage({ method, url, header: (name) => headers[name] });
    expect(plain(path), 'nothing is kept before the first request').toBeNull();
    const viaProxy = await proxy(new NextRequest(`http://localhost:3000${path}`));
    const early = plain(path);
    expect(early?.status).toBe(200);
    expect(Buffer.from(early!.body).toString('utf8')).toBe(await viaProxy.text());
    for (const name of ['content-security-policy', 'cache-control', 'xkey', 'referrer-policy', 'x-content-type-options', 'permissions-policy', 'reporting-endpoints']) {
      expect(early!.headers[Object.keys(early!.headers).find((key) => key.toLowerCase() === name) ?? ''], name).toBe(viaProxy.headers.get(name));
    }
    const zipped = plain(path, { 'accept-encoding': 'gzip, br' });
    expect(zipped?.headers['Content-Encoding']).toBe('gzip');
    expect(gunzipSync(zipped!.body).equals(Buffer.from(early!.body))).toBe(true);
    expect(plain(path, { 'accept-encoding': 'gzip;q=0' })?.headers['Content-Encoding']).toBeUndefined();

    expect(plain(path, { rsc: '1' }), 'a client navigation').toBeNull();
    expect(plain(path, {}, 'HEAD'), 'HEAD').toBeNull();
    expect(plain(`${path}?_rsc=abc`), 'a navigation marked in the address').toBeNull();
    expect(plain(`${path}/`), 'a trailing slash, which the proxy redirects').toBeNull();
    expect(plain('/desk'), 'the desk').toBeNull();
    const gatedPath = `/articles/${gated.slug}`;
    const teaser = await proxy(new NextRequest(`http://localhost:3000${gatedPath}`));
    // A gated article's public part kept for readers who bring nothing: the same answer, never for a shared cache.
    const earlyTeaser = plain(gatedPath);
    expect(earlyTeaser?.status).toBe(200);
    expect(Buffer.from(earlyTeaser!.body).toString('utf8')).toBe(await teaser.text());
    expect(earlyTeaser!.headers['Cache-Control']).toBe('private, no-store');
    expect(teaser.headers.get('cache-control')).toBe('private, no-store');
    expect(earlyTeaser!.headers.xkey, 'no keys: no cache in between keeps it').toBeUndefined();
    expect(plain(gatedPath, { cookie: 'masthead-reader.session-token=abc' }), 'a gated article for a reader with a session').toBeNull();
    expect(plain(gatedPath, { cookie: 'other=1' }), 'a gated article for a reader with any cookie').toBeNull();
    expect(plain(gatedPath, { authorization: 'Bearer abc' }), 'a gated article asked with credentials').toBeNull();
    process.env.TRUSTED_PROXIES = '127.0.0.1';
    try {
      expect(plain(gatedPath), 'a gated article while IP access is on: the proxy decides by the recorded address').toBeNull();
    } finally {
      delete process.env.TRUSTED_PROXIES;
    }
    const redirect = addRedirect({ from: `${path}?from=old-site`, to: '/issues' });
    expect(redirect.ok).toBe(true);
    expect(plain(`${path}?from=old-site`), 'an old address').toBeNull();
    expect(getRedirect(redirect.ok ? redirect.id : 0)?.hits, 'a declined request counts no redirect hit').toBe(0);
  });

  it('renders a gated article’s kept public part once, with no cookie and no client address, and keeps a reader with a cookie out of it', async () => {
    const gated = createTestArticle({ title: 'Members report', access: 'members', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Open.' }] }, { type: 'membersStart' }, { type: 'paragraph', content: [{ type: 'text', text: 'Closed.' }] }] } });
    const gatedPath = `/articles/${gated.slug}`;
    const before = renderRequests.length;
    const first = await proxy(new NextRequest(`http://localhost:3000${gatedPath}`, { headers: { 'x-forwarded-for': '203.0.113.5' } }));
    const second = await proxy(new NextRequest(`http://localhost:3000${gatedPath}`));
    expect(first.headers.get('x-masthead-page')).toBe('kept');
    expect(await second.text()).toBe(await first.text());
    const rendered = renderRequests.slice(before);
    expect(rendered).toEqual([{ url: gatedPath, cookie: undefined, forwardedFor: 'kept-page-render' }]);
    const signedIn = await proxy(new NextRequest(`http://localhost:3000${gatedPath}`, { headers: { cookie: 'masthead-reader.session-token=abc' } }));
    expect(signedIn.headers.get('x-masthead-page'), 'a reader with a session gets the page rendered for them').toBeNull();
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
  });

  it('while a changed page is rendered again, the reader who asked first waits for it; readers who come later get the previous page, not for shared caches', async () => {
    const article = createTestArticle({ title: 'Inspections held' });
    const path = `/articles/${article.slug}`;
    const viaProxy = () => proxy(new NextRequest(`http://localhost:3000${path}`));
    const early = () => answerFromKeptPage({ method: 'GET', url: path, header: () => undefined });
    const renderOf = async (response: Response) => /Render (\d+)/.exec(await response.text())?.[1];
    const first = await renderOf(await viaProxy());

    // The article changes: its kept page is out of date, and its next render takes a while.
    const now = performance.timeOrigin + performance.now();
    sqliteTagExpirationStore.record([{ tag: cacheTags.article(article.id), staleAt: now, expiredAt: now }]);
    let release = () => {};
    hold = new Promise<void>((resolve) => (release = resolve));
    const asker = viaProxy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(early(), 'not at once: a render may take only a moment').toBeNull();
    const soonAfter = await viaProxy();
    expect(soonAfter.headers.get('x-masthead-page')).toBe('previous');
    expect(soonAfter.headers.get('cache-control'), 'a cache in between must not keep it').toBe('no-cache');
    expect(await renderOf(soonAfter)).toBe(first);
    const later = early();
    expect(later?.headers['X-Masthead-Page']).toBe('previous');
    expect(later?.headers['Cache-Control']).toBe('no-cache');
    expect(/Render (\d+)/.exec(Buffer.from(later!.body).toString('utf8'))?.[1]).toBe(first);

    release();
    hold = null;
    const asked = await asker;
    expect(asked.headers.get('x-masthead-page')).toBe('kept');
    const fresh = await renderOf(asked);
    expect(Number(fresh)).toBeGreaterThan(Number(first));
    expect(early()?.headers['X-Masthead-Page']).toBe('kept');
    expect(/Render (\d+)/.exec(Buffer.from(early()!.body).toString('utf8'))?.[1]).toBe(fresh);
  });

  it('never stands in a page for an address that has since stopped answering with one', async () => {
    const article = createTestArticle({ title: 'Talks held over' });
    const path = `/articles/${article.slug}`;
    const viaProxy = () => proxy(new NextRequest(`http://localhost:3000${path}`));
    const expire = () => {
      const now = performance.timeOrigin + performance.now();
      sqliteTagExpirationStore.record([{ tag: cacheTags.article(article.id), staleAt: now, expiredAt: now }]);
    };
    expect((await viaProxy()).headers.get('x-masthead-page')).toBe('kept');
    expire();
    gone.add(path);
    expect((await viaProxy()).headers.get('x-masthead-page'), 'not kept: it answered 404').toBeNull();
    // Back again, but slow to render: nothing from before the 404 may be shown meanwhile.
    gone.delete(path);
    expire();
    let release = () => {};
    hold = new Promise<void>((resolve) => (release = resolve));
    const asker = viaProxy();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const later = viaProxy();
    setTimeout(() => {
      release();
      hold = null;
    }, 100);
    expect((await later).headers.get('x-masthead-page')).toBe('kept');
    expect((await asker).headers.get('x-masthead-page')).toBe('kept');
  });

  it('keeps shared caches from storing a page rendered for one request (here a 404, which is not kept), whose nonce is that reader’s', async () => {
    const response = await proxy(new NextRequest('http://localhost:3000/articles/missing-article'));
    expect(response.headers.get('content-security-policy')).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });
});
