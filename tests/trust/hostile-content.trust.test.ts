import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium-launch-options';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { seedDemo, startApp, type AppProcess } from './support/app-process';
import { appendParagraph, loadArticle } from './support/article-saves';
import { hostilePayloads } from './support/hostile-payloads';
import { signInStaff } from './support/staff-client';
import { recordTrustResult } from './support/trust-results';

const PORT = 3230;
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-hostile/masthead.db');

let app: AppProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('renders at least 150 injection attempts inert on every public and desk page they reach', async () => {
  seedDemo(databasePath);
  const sqlite = new Database(databasePath, { readonly: true });
  const articleIds = (sqlite.prepare("select id from articles where status = 'published' order by id limit 20").all() as { id: number }[]).map((row) => row.id);
  sqlite.close();
  app = await startApp({ port: PORT, databasePath });
  const editor = await signInStaff({ baseUrl: app.url, email: 'editor@demo.masthead' });
  const payloads = hostilePayloads();
  expect(payloads.length).toBeGreaterThanOrEqual(150);
  let attempts = 0;
  const refusedOnSave: number[] = [];

  // Titles, deks, paragraphs and figure captions of twenty articles, then published.
  const slugs: string[] = [];
  for (const [index, articleId] of articleIds.entries()) {
    const article = await loadArticle(editor, articleId);
    const mine = payloads.filter((payload) => payload.id % articleIds.length === index);
    const request = appendParagraph(article, 'Hostile content follows.');
    request.title = payloads[index]!.text.slice(0, 190);
    request.dek = payloads[index + 20]!.text;
    request.body.content.push(
      ...mine.map((payload) => ({ type: 'paragraph', content: [{ type: 'text', text: payload.text }] })),
      { type: 'figure', attrs: { src: '/api/media/1/photo.jpg', alt: payloads[index + 40]!.text, caption: payloads[index + 60]!.text, credit: payloads[index + 80]!.text } },
    );
    const saved = await editor.request(`/api/desk/articles/${articleId}`, { method: 'PUT', body: request });
    expect(saved.status, `saving article ${articleId}: ${JSON.stringify(saved.json)}`).toBe(200);
    attempts += mine.length + 5;
    const published = await editor.request(`/api/desk/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'update' } });
    expect(published.status, `publishing article ${articleId}: ${JSON.stringify(published.json)}`).toBe(200);
    slugs.push(saved.json.slug as string);
  }

  // Every payload as a link address: refused by the schema, or kept and rendered harmless.
  const linkArticle = articleIds[0]!;
  for (const payload of payloads) {
    const article = await loadArticle(editor, linkArticle);
    const request = appendParagraph(article, 'x');
    request.body.content.push({ type: 'paragraph', content: [{ type: 'text', text: `link ${payload.id}`, marks: [{ type: 'link', attrs: { href: payload.text } }] }] });
    const saved = await editor.request(`/api/desk/articles/${linkArticle}`, { method: 'PUT', body: request });
    attempts += 1;
    if (saved.status !== 200) refusedOnSave.push(payload.id);
  }
  await editor.request(`/api/desk/articles/${linkArticle}/workflow`, { method: 'POST', body: { action: 'update' } });

  // Entity names and editorial notes.
  const entityPaths: string[] = [];
  for (const payload of payloads.slice(0, 50)) {
    const created = await editor.request('/api/desk/entities', { method: 'POST', body: { kind: 'topic', name: payload.text.slice(0, 190) } });
    attempts += 1;
    if (created.status === 201) entityPaths.push(`/topics/${(created.json.entity as { slug: string }).slug}`);
  }
  for (const payload of payloads.slice(50, 100)) {
    await editor.request(`/api/desk/articles/${articleIds[1]}/notes`, { method: 'POST', body: { body: payload.text } });
    attempts += 1;
  }

  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  const context = await browser.newContext();
  await context.addCookies(editor.cookie.split('; ').map((pair) => ({ name: pair.split('=')[0]!, value: pair.slice(pair.indexOf('=') + 1), url: app!.url })));
  const ran: string[] = [];
  await context.exposeBinding('__pwn', ({ page }, id: number) => {
    ran.push(`payload ${id} ran on ${page.url()}`);
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    ran.push(`a dialog opened on ${page.url()}`);
    void dialog.dismiss();
  });

  const escaped: string[] = [];
  const visit = async (url: string) => {
    await page.goto(`${app!.url}${url}`, { waitUntil: 'load' });
    await page.waitForTimeout(150);
    const found = await inspect(page);
    if (found.length > 0) escaped.push(...found.map((problem) => `${url}: ${problem}`));
  };
  const pages = [
    '/',
    '/corrections',
    ...slugs.map((slug) => `/articles/${slug}`),
    ...entityPaths,
    ...payloads.map((payload) => `/search?q=${encodeURIComponent(payload.text)}`),
    '/desk',
    '/desk/inbox',
    '/desk/audit',
    ...articleIds.slice(0, 4).flatMap((id) => [`/desk/articles/${id}`, `/desk/articles/${id}/history`, `/desk/articles/${id}/preview`]),
  ];
  for (const url of pages) await visit(url);

  // Pasted HTML: every payload at once into the editor, as if copied from a hostile web page.
  const pasteArticle = articleIds[2]!;
  await page.goto(`${app.url}/desk/articles/${pasteArticle}`);
  const body = page.getByRole('textbox', { name: 'Article text' });
  await body.click();
  await page.keyboard.press('Control+End');
  await body.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'pasted');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, payloads.map((payload) => `<p>${payload.text}</p>`).join(''));
  attempts += payloads.length;
  await page.waitForTimeout(2_500);
  escaped.push(...(await inspect(page)).map((problem) => `pasted into the editor: ${problem}`));
  await visit(`/desk/articles/${pasteArticle}/preview`);

  const failures = ran.length + escaped.length;
  recordTrustResult({
    check: 'Hostile content: injection attempts rendered in Chromium',
    tried: attempts,
    failures,
    figures: `${payloads.length} payloads in titles, deks, text, captions, credits, alt text, link addresses, entity names, notes and search; ${pages.length} pages rendered; ${refusedOnSave.length} link addresses refused at save`,
  });
  expect(ran).toEqual([]);
  expect(escaped).toEqual([]);
});

/** What a payload left in the page: elements it injected, or script-bearing links. */
async function inspect(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const element of document.querySelectorAll('[data-pwn]')) problems.push(`injected <${element.tagName.toLowerCase()} data-pwn>`);
    for (const link of document.querySelectorAll('a[href], area[href], iframe[src], object[data], embed[src], form[action]')) {
      const address = link.getAttribute('href') ?? link.getAttribute('src') ?? link.getAttribute('data') ?? link.getAttribute('action') ?? '';
      if (/^\s*(javascript|data|vbscript):/i.test(address)) problems.push(`${link.tagName.toLowerCase()} pointing at ${address.slice(0, 40)}`);
    }
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.startsWith('on') && element.getAttribute(attribute)?.includes('__pwn')) problems.push(`${attribute} handler on <${element.tagName.toLowerCase()}>`);
      }
    }
    return problems;
  });
}
