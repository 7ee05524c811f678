import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { archiveFreeMonth, isGatedIn } from '@/lib/access/article-access-rule';
import type { AccessLevel } from '@/db/schema';
import { publicPartOf } from '@/lib/content/public-part';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium-launch-options';
import { REPO_ROOT } from '../bench/support/bench-stats';
import { seedDemo, startApp, type AppProcess } from './support/app-process';
import { appendParagraph, loadArticle } from './support/article-saves';
import { hostilePayloads, PAYLOAD_CONTEXTS, type HostilePayload } from './support/hostile-payloads';
import { signInStaff } from './support/staff-client';
import { recordTrustResult } from './support/trust-results';

const PORT = 3230;
const databasePath = path.join(REPO_ROOT, 'tests/.tmp/trust-hostile/masthead.db');
const ENTITY_FOLDERS = { topic: 'topics', country: 'countries', person: 'people', organization: 'organizations', treaty: 'treaties' } as const;
type EntityKind = keyof typeof ENTITY_FOLDERS;
const ENTITY_KINDS = Object.keys(ENTITY_FOLDERS) as EntityKind[];

/** What one rendered page must show as plain text, and which JSON-LD values it must carry unchanged. */
type PageCheck = {
  path: string;
  /** Stored values the page shows as text: each must be in the page's text exactly. */
  texts?: string[];
  /** Stored values shown as the whole text of one element (the first match of the selector). */
  exact?: { selector: string; text: string }[];
  /** Stored image descriptions: each must be some image's alt attribute exactly. */
  alts?: string[];
  /** What a form field must hold, e.g. the search box holding the query. */
  values?: { selector: string; value: string }[];
  /** Checks the parsed JSON-LD documents; returns what differs from the database. */
  jsonLd?: (documents: unknown[]) => string[];
  /** Desk pages load their panels after the page: wait until the network is quiet. */
  isLive?: boolean;
  /** The editor keeps the shared text's event stream open, so the network is never quiet: wait for the load, then read again until the texts show. */
  isStreaming?: boolean;
};

type Finding = { kind: 'ran' | 'csp' | 'markup' | 'text' | 'json-ld' | 'link'; where: string; detail: string };

let app: AppProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('renders 150+ distinct injection attempts as text in every field that reaches a page, with no script run and no policy violation', async () => {
  const startedAt = performance.now();
  const payloads = hostilePayloads();
  expect(payloads.length).toBeGreaterThanOrEqual(150);
  expect(new Set(payloads.map((payload) => payload.template)).size).toBe(payloads.length);
  for (const context of PAYLOAD_CONTEXTS) expect(payloads.filter((payload) => payload.context === context).length, context).toBeGreaterThan(0);
  const byContext = (context: string) => payloads.filter((payload) => payload.context === context);
  // Each field draws from a different place in the list, so every payload lands in several kinds of field.
  const at = (offset: number) => payloads[((offset % payloads.length) + payloads.length) % payloads.length]!;

  seedDemo(databasePath);
  const seeded = new Database(databasePath);
  const articleIds = (seeded.prepare("select id from articles where status = 'published' order by id limit 20").all() as { id: number }[]).map((row) => row.id);
  // Fields an admin edits in forms: bylines, sections, issue titles and editors' notes, planted as stored text.
  const contributorIds = (seeded.prepare('select id from contributors order by id').all() as { id: number }[]).map((row) => row.id);
  contributorIds.forEach((id, index) => seeded.prepare('update contributors set name = ?, bio = ? where id = ?').run(byContext('attribute')[index % 20]!.text, at(index * 11 + 3).text, id));
  const sectionIds = (seeded.prepare('select id from sections order by id').all() as { id: number }[]).map((row) => row.id);
  sectionIds.forEach((id, index) => seeded.prepare('update sections set name = ?, description = ? where id = ?').run(byContext('json-ld')[index]!.text, at(index * 13 + 5).text, id));
  const issueIds = (seeded.prepare('select id from issues order by id').all() as { id: number }[]).map((row) => row.id);
  issueIds.forEach((id, index) =>
    seeded.prepare('update issues set title = ?, editors_note = ?, editors_note_body = null where id = ?').run(byContext('json-ld')[index + 4]!.text, byContext('json-ld')[index + 8]!.text, id),
  );
  seeded.close();

  app = await startApp({ port: PORT, databasePath });
  const editor = await signInStaff({ baseUrl: app.url, email: 'editor@demo.masthead' });
  let attempts = contributorIds.length * 2 + sectionIds.length * 2 + issueIds.length * 2;

  // Every payload as an entity name, tagged on the articles below, so it also reaches JSON-LD `about`/`mentions`.
  const entities: { id: number; kind: EntityKind; slug: string; payloadId: number }[] = [];
  const refusedEntities: string[] = [];
  for (const payload of payloads) {
    const kind = ENTITY_KINDS[payload.id % ENTITY_KINDS.length]!;
    const created = await editor.request('/api/desk/entities', { method: 'POST', body: { kind, name: payload.text.slice(0, 200) } });
    attempts += 1;
    const entity = created.json.entity as { id: number; slug: string } | undefined;
    if (created.status === 201 && entity) entities.push({ id: entity.id, kind, slug: entity.slug, payloadId: payload.id });
    else refusedEntities.push(`payload ${payload.id}: ${created.status} ${JSON.stringify(created.json).slice(0, 120)}`);
  }

  // Titles, deks, paragraphs, footnotes, figure alt text, captions and credits of twenty articles, then published.
  for (const [index, articleId] of articleIds.entries()) {
    const article = await loadArticle(editor, articleId);
    const mine = payloads.filter((payload) => payload.id % articleIds.length === index);
    const request = appendParagraph(article, 'Hostile content follows.');
    request.title = byContext('json-ld')[index % byContext('json-ld').length]!.text;
    request.dek = byContext('attribute')[index]!.text;
    request.manualEntityIds = entities.filter((entity) => entity.payloadId % articleIds.length === index).map((entity) => entity.id);
    request.body.content.push(
      ...mine.flatMap((payload) => [
        { type: 'paragraph', content: [{ type: 'text', text: payload.text }, { type: 'footnote', attrs: { note: at(payload.id + 1).text } }] },
        { type: 'figure', attrs: { src: `/api/media/${payload.id}/hostile.jpg`, alt: at(payload.id + 2).text.slice(0, 300), caption: at(payload.id + 3).text, credit: at(payload.id + 4).text } },
      ]),
    );
    const saved = await editor.request(`/api/desk/articles/${articleId}`, { method: 'PUT', body: request });
    expect(saved.status, `saving article ${articleId}: ${JSON.stringify(saved.json).slice(0, 400)}`).toBe(200);
    attempts += mine.length * 5 + 2;
    const published = await editor.request(`/api/desk/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'update' } });
    expect(published.status, `publishing article ${articleId}: ${JSON.stringify(published.json).slice(0, 400)}`).toBe(200);
  }

  // Every payload as a link address, one save each: a script-bearing address must be refused; the rest kept as text.
  const findings: Finding[] = [];
  const linkArticle = articleIds[0]!;
  const refusedLinks = new Set<number>();
  // Site-relative addresses to nowhere are refused at publication (preflight), so they never reach a public page.
  for (const payload of payloads.filter((candidate) => !candidate.text.startsWith('/'))) {
    const article = await loadArticle(editor, linkArticle);
    const request = appendParagraph(article, 'x');
    request.body.content.push({ type: 'paragraph', content: [{ type: 'text', text: `link ${payload.id}`, marks: [{ type: 'link', attrs: { href: payload.text } }] }] });
    const saved = await editor.request(`/api/desk/articles/${linkArticle}`, { method: 'PUT', body: request });
    attempts += 1;
    if (saved.status !== 200) refusedLinks.add(payload.id);
    else if (isScriptAddress(payload.text)) findings.push({ kind: 'link', where: `article ${linkArticle}`, detail: `link address of payload ${payload.id} was saved: ${JSON.stringify(payload.text)}` });
  }
  const linksPublished = await editor.request(`/api/desk/articles/${linkArticle}/workflow`, { method: 'POST', body: { action: 'update' } });
  expect(linksPublished.status, `publishing the links: ${JSON.stringify(linksPublished.json).slice(0, 400)}`).toBe(200);

  // Editorial notes, spread over four articles' desk pages.
  const noteArticles = articleIds.slice(1, 5);
  for (const payload of payloads) {
    const noted = await editor.request(`/api/desk/articles/${noteArticles[payload.id % noteArticles.length]}/notes`, { method: 'POST', body: { body: payload.text } });
    attempts += 1;
    expect(noted.status, `note with payload ${payload.id}: ${JSON.stringify(noted.json).slice(0, 200)}`).toBe(201);
  }

  const checks = pageChecks({ articleIds, noteArticles, entities, payloads });
  attempts += payloads.length; // searches

  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  const context = await browser.newContext();
  await context.addCookies(editor.cookie.split('; ').map((pair) => ({ name: pair.split('=')[0]!, value: pair.slice(pair.indexOf('=') + 1), url: app!.url })));
  let currentPath = '';
  await context.exposeBinding('__pwn', (_source, id: number) => {
    findings.push({ kind: 'ran', where: currentPath, detail: `payload ${id} ran` });
  });
  await context.exposeBinding('__reportViolation', (_source, violation: string) => {
    findings.push({ kind: 'csp', where: currentPath, detail: violation });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}: ${event.sample.slice(0, 80)}`);
    });
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    findings.push({ kind: 'ran', where: currentPath, detail: `a ${dialog.type()} dialog opened` });
    void dialog.dismiss();
  });

  for (const check of checks) {
    currentPath = check.path;
    await page.goto(`${app.url}${check.path}`, { waitUntil: check.isLive && !check.isStreaming ? 'networkidle' : 'load' });
    await page.waitForTimeout(50);
    let found = await inspect(page, check);
    // A desk page fills its panels after it loads (notes arrive by fetch, later on a busy machine): read it again
    // for up to ten seconds before calling text missing. Scripts run and policy violations are caught as they happen.
    for (let tries = 0; check.isLive && tries < 20 && found.some((finding) => finding.kind === 'text'); tries++) {
      await page.waitForTimeout(500);
      found = await inspect(page, check);
    }
    findings.push(...found.map((finding) => ({ ...finding, where: check.path })));
  }

  // Pasted HTML: every payload at once into the editor, as if copied from a hostile web page.
  const pasteArticle = articleIds[5]!;
  currentPath = `/desk/articles/${pasteArticle} (paste)`;
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
  findings.push(...(await inspect(page, { path: currentPath })).map((finding) => ({ ...finding, where: currentPath })));

  const count = (kind: Finding['kind']) => findings.filter((finding) => finding.kind === kind).length;
  recordTrustResult({
    check: 'Hostile content: injection attempts rendered in Chromium',
    tried: attempts,
    failures: findings.length + refusedEntities.length,
    figures: `${payloads.length} distinct payloads (${PAYLOAD_CONTEXTS.map((name) => `${byContext(name).length} ${name}`).join(', ')}) in titles, deks, text, footnotes, captions, credits, alt text, links, entity names, bylines, sections, issues, notes and search; ${checks.length + 1} pages in ${Math.round((performance.now() - startedAt) / 1000)} s; scripts run ${count('ran')}, policy violations ${count('csp')}, markup injected ${count('markup')}, text altered ${count('text')}, JSON-LD wrong ${count('json-ld')}, script links saved ${count('link')}; ${refusedLinks.size} link addresses refused at save`,
  });
  expect(refusedEntities).toEqual([]);
  expect(findings.map((finding) => `${finding.kind} on ${finding.where}: ${finding.detail}`)).toEqual([]);
});

/** Whether a browser would run this link address as script (tabs, newlines and case folded as a URL parser does). */
function isScriptAddress(href: string): boolean {
  try {
    return ['javascript:', 'data:', 'vbscript:'].includes(new URL(href, 'https://site.example/').protocol);
  } catch {
    return false;
  }
}

/** Every page the payloads reach, with what each must show, read back from the database. */
function pageChecks({
  articleIds,
  noteArticles,
  entities,
  payloads,
}: {
  articleIds: number[];
  noteArticles: number[];
  entities: { id: number; kind: EntityKind; slug: string }[];
  payloads: HostilePayload[];
}): PageCheck[] {
  const sqlite = new Database(databasePath, { readonly: true });
  const checks: PageCheck[] = [];
  const contributorNames = (articleId: number) =>
    (sqlite.prepare('select c.name from published_article_authors p join contributors c on c.id = p.contributor_id where p.article_id = ? order by p.position').all(articleId) as { name: string }[]).map((row) => row.name);
  const entityNames = (articleId: number) =>
    (sqlite.prepare("select e.name from published_article_entities p join entities e on e.id = p.entity_id where p.article_id = ? and e.status = 'approved'").all(articleId) as { name: string }[]).map((row) => row.name);

  for (const articleId of articleIds) {
    const article = sqlite
      .prepare(
        'select r.slug, r.title, r.dek, r.body, s.name as section, i.title as issue, a.published_access as access, a.published_access_tier_ids as tierIds, i.cover_date as coverDate, i.archive_free_after_months as archiveMonths from articles a join revisions r on r.id = a.published_revision_id left join sections s on s.id = a.published_section_id left join issues i on i.id = a.published_issue_id where a.id = ?',
      )
      .get(articleId) as {
      slug: string;
      title: string;
      dek: string;
      body: string;
      section: string | null;
      issue: string | null;
      access: AccessLevel;
      tierIds: string;
      coverDate: string | null;
      archiveMonths: number | null;
    };
    const body = JSON.parse(article.body) as DocNode;
    const rule = { access: article.access, tierIds: JSON.parse(article.tierIds) as number[], freeFromMonth: archiveFreeMonth({ coverDate: article.coverDate, months: article.archiveMonths }) };
    // A gated article shows the browser (no reader signed in) only its public part; the desk preview shows the whole text.
    const isGated = isGatedIn({ rule, month: new Date().toISOString().slice(0, 7) });
    if (isGated) {
      const whole = shownInBody(body);
      checks.push({ path: `/desk/articles/${articleId}/preview`, exact: [{ selector: 'h1', text: article.title }], texts: whole.texts, alts: whole.alts });
    }
    const shown = shownInBody(isGated ? (publicPartOf(body) as DocNode) : body);
    const authors = contributorNames(articleId);
    const tagged = entityNames(articleId);
    checks.push({
      path: `/articles/${article.slug}`,
      exact: [{ selector: 'h1', text: article.title }],
      texts: [article.dek, ...shown.texts, ...authors].filter(Boolean),
      alts: shown.alts,
      jsonLd: (documents) => {
        const news = documents.find((document) => (document as { '@type'?: string })['@type'] === 'NewsArticle') as Record<string, unknown> | undefined;
        if (!news) return ['no NewsArticle JSON-LD'];
        const nodeNames = (key: string) => ((news[key] as { name: string }[] | undefined) ?? []).map((node) => node.name);
        return [
          ...differs('headline', news.headline, article.title),
          ...(article.dek ? differs('description', news.description, article.dek) : []),
          ...(article.section ? differs('articleSection', news.articleSection, article.section) : []),
          ...(article.issue ? differs('isPartOf.name', (news.isPartOf as { name?: string } | undefined)?.name, article.issue) : []),
          ...differs('author names', nodeNames('author'), authors),
          ...differs('about and mentions', [...nodeNames('about'), ...nodeNames('mentions')].sort(), [...tagged].sort()),
        ];
      },
    });
  }

  for (const entity of entities) {
    const { name } = sqlite.prepare('select name from entities where id = ?').get(entity.id) as { name: string };
    checks.push({ path: `/${ENTITY_FOLDERS[entity.kind]}/${entity.slug}`, exact: [{ selector: 'h1', text: name }] });
  }
  for (const section of sqlite.prepare('select slug, name from sections').all() as { slug: string; name: string }[]) {
    checks.push({ path: `/sections/${section.slug}`, exact: [{ selector: 'h1', text: section.name }] });
  }
  for (const author of sqlite.prepare('select distinct c.slug, c.name from contributors c join published_article_authors p on p.contributor_id = c.id').all() as { slug: string; name: string }[]) {
    checks.push({ path: `/authors/${author.slug}`, exact: [{ selector: 'h1', text: author.name }] });
  }
  for (const issue of sqlite.prepare("select slug, title, editors_note as note from issues where status = 'published'").all() as { slug: string; title: string; note: string }[]) {
    checks.push({
      path: `/issues/${issue.slug}`,
      texts: [issue.title, issue.note],
      jsonLd: (documents) => {
        const node = documents.find((document) => (document as { '@type'?: string })['@type'] === 'PublicationIssue') as Record<string, unknown> | undefined;
        if (!node) return ['no PublicationIssue JSON-LD'];
        return [...differs('name', node.name, issue.title), ...differs('description', node.description, issue.note)];
      },
    });
  }
  for (const payload of payloads) {
    checks.push({ path: `/search?q=${encodeURIComponent(payload.text)}`, values: [{ selector: 'input[name="q"]', value: asSearched(payload.text) }] });
  }
  for (const articleId of noteArticles) {
    const notes = (sqlite.prepare('select body from article_notes where article_id = ?').all(articleId) as { body: string }[]).map((row) => row.body);
    checks.push({ path: `/desk/articles/${articleId}`, texts: notes, isLive: true, isStreaming: true });
    checks.push({ path: `/desk/articles/${articleId}/history` }, { path: `/desk/articles/${articleId}/preview` });
  }
  sqlite.close();
  checks.push(
    ...['/', '/issues', '/corrections', '/search?q=Hostile', '/desk', '/desk/inbox', '/desk/audit', '/desk/entities', '/desk/issues', '/desk/sections', '/desk/staff'].map((path) => ({ path, isLive: path.startsWith('/desk') })),
  );
  return checks;
}

type DocNode = { type: string; text?: string; attrs?: Record<string, unknown>; content?: DocNode[] };

/** Text a reader sees from a stored body: each block's text, footnotes, captions and credits; and image alt texts. */
function shownInBody(doc: DocNode): { texts: string[]; alts: string[] } {
  const texts: string[] = [];
  const alts: string[] = [];
  // A mention shows its label; a hard break is a line break.
  const inlineText = (node: DocNode): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'entityMention') return typeof node.attrs?.label === 'string' ? node.attrs.label : '';
    if (node.type === 'hardBreak') return '\n';
    return (node.content ?? []).map(inlineText).join('');
  };
  const walk = (node: DocNode) => {
    if (node.type === 'paragraph') texts.push(inlineText(node));
    if (node.type === 'footnote' && typeof node.attrs?.note === 'string') texts.push(node.attrs.note);
    if (node.type === 'figure') {
      for (const key of ['caption', 'credit']) if (typeof node.attrs?.[key] === 'string' && node.attrs[key]) texts.push(node.attrs[key] as string);
      if (typeof node.attrs?.alt === 'string') alts.push(node.attrs.alt);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return { texts: texts.filter((text) => text.trim() !== ''), alts };
}

function differs(label: string, actual: unknown, expected: unknown): string[] {
  return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [`${label} is ${JSON.stringify(actual)?.slice(0, 120)}, the database holds ${JSON.stringify(expected)?.slice(0, 120)}`];
}

/** What a payload left in the page: injected elements, script addresses, handlers, and stored text that did not come out as text. */
async function inspect(page: Page, check: PageCheck): Promise<Omit<Finding, 'where'>[]> {
  const seen = await page.evaluate(
    ({ texts, exact, alts, values }) => {
      const markup: string[] = [];
      for (const element of document.querySelectorAll('[data-pwn]')) markup.push(`injected <${element.tagName.toLowerCase()} data-pwn>`);
      for (const script of document.querySelectorAll('script')) {
        // Next's page data (self.__next_f) carries every string as data; only other scripts count.
        if (script.textContent?.includes('__pwn') && script.type !== 'application/ld+json' && !script.textContent.startsWith('self.__next_f')) markup.push(`a <script> holding ${script.textContent.slice(0, 60)}`);
      }
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          const value = element.getAttribute(attribute) ?? '';
          if (attribute.startsWith('on') && value.includes('pwn')) markup.push(`${attribute} handler on <${element.tagName.toLowerCase()}>`);
          const isRefresh = attribute === 'content' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh';
          if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(attribute) || isRefresh) {
            const address = isRefresh ? (/url=(.*)$/i.exec(value)?.[1] ?? '') : value;
            try {
              const { protocol } = new URL(address, document.baseURI);
              if (['javascript:', 'data:', 'vbscript:'].includes(protocol) && !(element.tagName === 'IMG' && protocol === 'data:')) {
                markup.push(`<${element.tagName.toLowerCase()} ${attribute}> pointing at ${value.slice(0, 60)}`);
              }
            } catch {
              // Not an address at all.
            }
          }
        }
      }
      // The text a reader sees is the rendered text (innerText: no scripts, no hidden elements), where CSS
      // `white-space: normal` folds every run of ASCII whitespace, line breaks between blocks included, into one space.
      // Other spaces (no-break, zero-width, line separators) are kept on both sides, so losing one is still a finding.
      const asRendered = (value: string) => value.replace(/[\t\n\f\r ]+/g, ' ');
      // Letter case is styling (credits are set in capitals): read the characters themselves. A tab panel not
      // chosen yet is one click away (the desk keeps notes in one), so it is read as if chosen.
      const asShown = new CSSStyleSheet();
      asShown.replaceSync('* { text-transform: none !important; } [role="tabpanel"][hidden] { display: block !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, asShown];
      const pageText = ` ${asRendered(document.title)} ${asRendered(document.body.innerText)} `;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== asShown);
      const text: string[] = [];
      for (const expected of texts) if (!pageText.includes(asRendered(expected))) text.push(`${JSON.stringify(expected.slice(0, 100))} is not in the page's text`);
      for (const { selector, text: expected } of exact) {
        const actual = document.querySelector(selector)?.textContent ?? null;
        if (actual !== expected) text.push(`${selector} reads ${JSON.stringify(actual?.slice(0, 100))}, the database holds ${JSON.stringify(expected.slice(0, 100))}`);
      }
      const shownAlts = new Set([...document.querySelectorAll('img')].map((image) => image.getAttribute('alt')));
      for (const expected of alts) if (!shownAlts.has(expected)) text.push(`no image has the alt text ${JSON.stringify(expected.slice(0, 100))}`);
      for (const { selector, value } of values) {
        const actual = (document.querySelector(selector) as HTMLInputElement | null)?.value ?? null;
        if (actual !== value) text.push(`${selector} holds ${JSON.stringify(actual?.slice(0, 100))}, expected ${JSON.stringify(value.slice(0, 100))}`);
      }
      const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => script.textContent ?? '');
      return { markup, text, jsonLd };
    },
    { texts: (check.texts ?? []).map(asParsed), exact: (check.exact ?? []).map((item) => ({ ...item, text: asParsed(item.text) })), alts: (check.alts ?? []).map((alt) => alt.replaceAll('\u0000', '\uFFFD')), values: (check.values ?? []).map((item) => ({ ...item, value: asFieldValue(item.value) })) },
  );
  const findings: Omit<Finding, 'where'>[] = [...seen.markup.map((detail) => ({ kind: 'markup' as const, detail })), ...seen.text.map((detail) => ({ kind: 'text' as const, detail }))];
  const documents: unknown[] = [];
  for (const source of seen.jsonLd) {
    try {
      documents.push(JSON.parse(source));
    } catch (error) {
      findings.push({ kind: 'json-ld', detail: `JSON-LD does not parse (${(error as Error).message}): ${source.slice(0, 120)}` });
    }
  }
  if (check.jsonLd && documents.length === seen.jsonLd.length) findings.push(...check.jsonLd(documents).map((detail) => ({ kind: 'json-ld' as const, detail })));
  return findings;
}

/** Stored text as the HTML parser hands it to the DOM: a NUL in page text is dropped (HTML spec, "in body" mode). */
function asParsed(text: string): string {
  return text.replaceAll('\u0000', '');
}

/** The search box holds the query as one line: control characters are spaces, runs of spaces one, ends trimmed. */
function asSearched(text: string): string {
  return text.slice(0, 2_000).replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** A value as a one-line text field holds it: HTML's value sanitization strips line breaks, however the value was set. */
function asFieldValue(text: string): string {
  return text.replace(/[\r\n]/g, '');
}
