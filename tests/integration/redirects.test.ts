import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { issues, redirects } from '@/db/schema';
import { addRedirect, findRedirect, listRedirects, removeRedirect } from '@/lib/migration/redirects/redirects';
import { exportRedirectsCsv, importRedirectsCsv } from '@/lib/migration/redirects/redirects-csv';
import { proxy } from '@/proxy';
import { createTestArticle } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const rowOf = (fromPath: string) => getDb().select().from(redirects).where(eq(redirects.fromPath, fromPath)).get();

describe('finding a redirect', () => {
  it('finds a redirect by its normalised address and counts each hit with its time', () => {
    expect(addRedirect({ from: 'http://localhost:3000/2019/05/The-Treaty/', to: '/articles/the-treaty' })).toMatchObject({ ok: true });
    expect(rowOf('/2019/05/the-treaty')).toMatchObject({ toPath: '/articles/the-treaty', hits: 0, lastHitAt: null, origin: 'manual' });

    const at = new Date('2031-01-02T03:04:05Z');
    expect(findRedirect('/2019/05/the-treaty/?utm_source=mail', { now: at })).toEqual({ toPath: '/articles/the-treaty' });
    expect(rowOf('/2019/05/the-treaty')).toMatchObject({ hits: 1, lastHitAt: at });
    const later = new Date('2031-01-03T00:00:00Z');
    expect(findRedirect('/2019/05/THE-TREATY', { now: later })).toEqual({ toPath: '/articles/the-treaty' });
    expect(rowOf('/2019/05/the-treaty')).toMatchObject({ hits: 2, lastHitAt: later });

    expect(findRedirect('/2019/05/another')).toBeNull();
    expect(findRedirect('/')).toBeNull();
  });

  it('redirects a WordPress item link on the home page', () => {
    addRedirect({ from: '/?p=123', to: '/articles/moved' });
    expect(findRedirect('/?p=123&replytocom=4')).toEqual({ toPath: '/articles/moved' });
    expect(findRedirect('/?p=124')).toBeNull();
    expect(rowOf('/?p=123')!.hits).toBe(1);
  });

  it('serves a published article or issue at its own address rather than a redirect from it', () => {
    const live = createTestArticle({ title: 'Live piece' });
    getDb().insert(redirects).values({ fromPath: `/articles/${live.slug}`, toPath: '/articles/elsewhere' }).run();
    expect(findRedirect(`/articles/${live.slug}`)).toBeNull();
    expect(rowOf(`/articles/${live.slug}`)!.hits).toBe(0);

    getDb().insert(issues).values({ slug: '2031-01', title: 'January', volume: 1, number: 1, coverDate: '2031-01-01', status: 'published' }).run();
    getDb().insert(redirects).values([{ fromPath: '/issues/2031-01', toPath: '/issues' }, { fromPath: '/issues/2030-12', toPath: '/issues' }]).run();
    expect(findRedirect('/issues/2031-01')).toBeNull();
    expect(findRedirect('/issues/2030-12')).toEqual({ toPath: '/issues' });
  });
});

describe('in front of the site', () => {
  const request = (path: string, method = 'GET') => new NextRequest(`http://localhost:3000${path}`, { method });

  it('answers an old address with 301 to the new one on this site, with the security headers, for GET and HEAD', async () => {
    addRedirect({ from: '/2019/05/old-title/', to: '/articles/new-title' });
    addRedirect({ from: '/?p=42', to: 'https://elsewhere.example.org/moved' });
    for (const method of ['GET', 'HEAD']) {
      const response = await proxy(request('/2019/05/Old-Title/?utm_source=feed', method));
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('http://localhost:3000/articles/new-title');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const home = await proxy(request('/?p=42'));
    expect(home.status).toBe(301);
    expect(home.headers.get('location')).toBe('https://elsewhere.example.org/moved');
    expect(rowOf('/2019/05/old-title')!.hits).toBe(2);
  });

  it('leaves other methods, the desk, the API and the home page alone', async () => {
    addRedirect({ from: '/desk/old', to: '/desk' });
    getDb().insert(redirects).values({ fromPath: '/api/old', toPath: '/api/health' }).run();
    addRedirect({ from: '/form', to: '/subscribe' });
    expect((await proxy(request('/form', 'POST'))).status).not.toBe(301);
    expect((await proxy(request('/desk/old'))).status).not.toBe(301);
    expect((await proxy(request('/api/old'))).status).not.toBe(301);
    expect((await proxy(request('/?utm_source=x'))).status).not.toBe(301);
    expect(rowOf('/form')!.hits).toBe(0);
  });
});

describe('adding and removing', () => {
  it('refuses a redirect to itself and a loop, in words, and keeps what was there', () => {
    expect(addRedirect({ from: '/old', to: '/OLD/' })).toMatchObject({ ok: false, error: expect.stringMatching(/to itself/) });
    expect(addRedirect({ from: '/a', to: '/b' })).toMatchObject({ ok: true });
    expect(addRedirect({ from: '/b', to: '/c' })).toMatchObject({ ok: true });
    const loop = addRedirect({ from: '/c', to: 'http://localhost:3000/a' });
    expect(loop).toMatchObject({ ok: false, error: 'This would make a loop: /a already leads to /c through /b. Point /c somewhere else, or remove one of those redirects first.' });
    expect(rowOf('/c')).toBeUndefined();
    expect(addRedirect({ from: '/a', to: '/d' })).toMatchObject({ ok: false, error: 'There is already a redirect from /a (to /b). Remove it first to send it somewhere else.' });
  });

  it('refuses addresses it cannot use, naming what to write instead', () => {
    expect(addRedirect({ from: 'https://elsewhere.example/x', to: '/y' })).toMatchObject({ ok: false, fieldErrors: { from: expect.stringMatching(/path on this site/) } });
    expect(addRedirect({ from: '/', to: '/y' })).toMatchObject({ ok: false, fieldErrors: { from: expect.stringMatching(/home page/) } });
    expect(addRedirect({ from: '/x', to: 'javascript:alert(1)' })).toMatchObject({ ok: false, fieldErrors: { to: expect.stringMatching(/http/) } });
    expect(addRedirect({ from: '/x', to: 'https://new.example.org/x?y=1' })).toMatchObject({ ok: true });
    expect(rowOf('/x')!.toPath).toBe('https://new.example.org/x?y=1');
  });

  it('lists with search and pages, and removes one', () => {
    for (let index = 1; index <= 30; index += 1) addRedirect({ from: `/old/${index}`, to: `/new/${index}` });
    addRedirect({ from: '/treaty-text', to: '/articles/treaty' });
    const first = listRedirects({ page: 1 });
    expect(first.total).toBe(31);
    expect(first.rows).toHaveLength(25);
    expect(listRedirects({ page: 2 }).rows).toHaveLength(6);
    expect(listRedirects({ query: 'treaty' }).rows.map((row) => row.fromPath)).toEqual(['/treaty-text']);
    const id = rowOf('/treaty-text')!.id;
    expect(removeRedirect(id)).toMatchObject({ ok: true });
    expect(rowOf('/treaty-text')).toBeUndefined();
  });
});

describe('CSV', () => {
  it('imports the good rows in one go and reports invalid and duplicate rows by line', () => {
    addRedirect({ from: '/already', to: '/there' });
    const text = ['from,to', '/one,/articles/one', 'https://elsewhere.example/two,/articles/two', '/three,', '/already,/somewhere', '/ONE/,/articles/uno', '/loop,/loop', '"/four",https://new.example.org/four', ''].join('\n');
    const report = importRedirectsCsv(text);
    expect(report.added).toBe(2);
    expect(report.invalid.map((row) => [row.line, row.from])).toEqual([
      [3, 'https://elsewhere.example/two'],
      [4, '/three'],
      [7, '/loop'],
    ]);
    expect(report.invalid[1]!.message).toMatch(/new address/);
    expect(report.duplicates.map((row) => [row.line, row.from])).toEqual([
      [5, '/already'],
      [6, '/ONE/'],
    ]);
    expect(rowOf('/one')).toMatchObject({ toPath: '/articles/one', origin: 'csv' });
    expect(rowOf('/four')).toMatchObject({ toPath: 'https://new.example.org/four', origin: 'csv' });
    expect(rowOf('/already')!.toPath).toBe('/there');
  });

  it('says so when the file is not CSV, and adds nothing', () => {
    expect(() => importRedirectsCsv('from,to\n"/a,/b\n')).toThrow(/could not be read as CSV/);
    expect(getDb().select().from(redirects).all()).toEqual([]);
  });

  it('exports every redirect with its hits and origin, and the export imports again', async () => {
    addRedirect({ from: '/a,b', to: '/articles/a' });
    getDb().insert(redirects).values({ fromPath: '/?p=7', toPath: '/articles/seven', origin: 'wordpress', hits: 3 }).run();
    const csv = await new Response(exportRedirectsCsv()).text();
    expect(csv).toBe('from,to,hits,origin\n"/a,b",/articles/a,0,manual\n/?p=7,/articles/seven,3,wordpress\n');
    getDb().delete(redirects).run();
    expect(importRedirectsCsv(csv)).toMatchObject({ added: 2, invalid: [], duplicates: [] });
    expect(rowOf('/?p=7')).toMatchObject({ toPath: '/articles/seven', origin: 'wordpress' });
  });
});
