import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_FIELD } from '@/lib/collab/article-ydoc';
import { seededRandom } from '../factories/seeded-random';
import { benchLine, REPO_ROOT, summarize, writeResults } from './support/bench-stats';
import { startBenchServer, type BenchServer } from './support/bench-server';
import { buildLongArticle, varyLastParagraph } from './support/long-article-doc';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium-launch-options';

/**
 * Typing latency in Chromium on a 10,000-word article: for each keystroke, the time from the key
 * event to the end of the frame that shows its effect. In the page, a capturing `keydown` listener
 * notes the event's time and queues two nested requestAnimationFrame callbacks; the second runs
 * once the frame holding the change has been produced, so `then − keypress` covers input delay,
 * the editor's own handling, style, layout and paint. Keys are typed one at a time, each only after
 * the previous one was measured, with short pauses after sentences so autosave runs as it would.
 */

const PORT = 3150;
const DATABASE_PATH = path.join(REPO_ROOT, 'tests/.tmp/bench/typing-latency/masthead.db');
const KEYSTROKES = 200;
const PAUSE_BETWEEN_KEYS_MS = 40;
/** Longer than the editor's 1.2 s autosave delay, so a save happens between sentences. */
const PAUSE_AFTER_SENTENCE_MS = 1_500;
const HTTP_WARMUP = 5;
const HTTP_SAVES = 30;
const P95_LIMIT_MS = 200;

const SENTENCES = [
  'The committee met again on Tuesday.',
  'Inspectors expect to finish by spring.',
  'Donors pledged more for clearance.',
  'Several delegations want a timetable.',
  'Ministers will see the report first.',
  'The summit opens in Vienna in May.',
];

type Keystroke = { key: string; pauseAfter: boolean };

/** The keys to press: short sentences typed in full, each followed by Enter (a new paragraph) and a pause. */
function keystrokePlan(): Keystroke[] {
  const plan: Keystroke[] = [];
  for (let sentence = 0; plan.length < KEYSTROKES; sentence++) {
    const text = SENTENCES[sentence % SENTENCES.length]!;
    for (const char of text) plan.push({ key: char, pauseAfter: false });
    plan.push({ key: 'Enter', pauseAfter: true });
  }
  return plan.slice(0, KEYSTROKES);
}

type Sample = { key: string; fromKeypress: number; fromHandler: number; toPainted: number };
type BenchWindow = Window & { __typingSamples: Sample[]; __slowKeydowns: number[] };

const article = buildLongArticle({ words: 10_000 });

let server: BenchServer | undefined;
/** The article the first test filled with 10,000 words, for the second. */
let longArticleId: number | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startBenchServer({ port: PORT, databasePath: DATABASE_PATH });
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  context = await browser.newContext({ baseURL: server.url });
}, 480_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.stop();
}, 60_000);

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill('editor@demo.masthead');
  await page.getByLabel('Password').fill('masthead-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/desk$/);
}

async function createDraft(page: Page): Promise<number> {
  await page.goto('/desk/articles/new');
  await page.getByLabel('Working title').fill('Typing on ten thousand words');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/desk\/articles\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

type EditableArticle = {
  version: number;
  title: string;
  dek: string;
  slug: string;
  sectionId: number | null;
  issueId: number | null;
  authors: { id: number }[];
  seoTitle: string;
  seoDescription: string;
  featuredImage: { id: number } | null;
};

/** Talks to the desk API from Node with the browser's session, as the editor's own fetches do. */
function deskApi(url: string, cookie: string, id: number) {
  const endpoint = `${url}/api/desk/articles/${id}`;
  return {
    async get(): Promise<EditableArticle> {
      const response = await fetch(endpoint, { headers: { cookie } });
      if (!response.ok) throw new Error(`GET ${endpoint}: ${response.status}`);
      return ((await response.json()) as { article: EditableArticle }).article;
    },
    async put(payload: unknown): Promise<{ version: number; wordCount: number }> {
      const response = await fetch(endpoint, { method: 'PUT', headers: { cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
      const data = (await response.json()) as { ok?: boolean; version?: number; wordCount?: number; error?: string };
      if (!response.ok || !data.version) throw new Error(`PUT ${endpoint}: ${response.status} ${data.error ?? ''}`);
      return { version: data.version, wordCount: data.wordCount ?? 0 };
    },
  };
}

const PROFILED_KEYSTROKES = 60;
/** Chromium's trace names for a frame's work on the main thread: the key's handling, then style, layout and paint. */
const RENDERER_STEPS = ['EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; args?: { data?: { type?: string } } };

/**
 * The main thread's time for each keystroke: its events (keydown, keypress, input, keyup…) and the style,
 * layout and paint of the frames until the next key, outermost steps only (an event dispatched inside
 * another is counted once). Waits between them, such as for the display's next frame, are not in it.
 */
function mainThreadPerKey(events: TraceEvent[]): number[] {
  const steps = events.filter((event) => event.ph === 'X' && RENDERER_STEPS.includes(event.name)).sort((a, b) => a.ts - b.ts);
  const perKey: number[] = [];
  let end = 0;
  for (const step of steps) {
    if (step.ts < end) continue;
    end = step.ts + (step.dur ?? 0);
    if (step.name === 'EventDispatch' && step.args?.data?.type === 'keydown') perKey.push(0);
    if (perKey.length > 0) perKey[perKey.length - 1]! += (step.dur ?? 0) / 1000;
  }
  return perKey;
}

/** Types `plan` with the CPU profiler on and sums the sampled self time per function, largest first. */
function profileTyping(page: Page, plan: Keystroke[]) {
  return profileMainThread(page, async () => {
    for (const step of plan) {
      if (step.key === 'Enter') await page.keyboard.press('Enter');
      else await page.keyboard.type(step.key);
      await page.waitForTimeout(step.pauseAfter ? PAUSE_AFTER_SENTENCE_MS : PAUSE_BETWEEN_KEYS_MS);
    }
  });
}

/** Runs `work` with Chromium's tracing and CPU profiler on the page; sums the renderer's steps and the sampled self time per function. */
async function profileMainThread(page: Page, work: () => Promise<void>) {
  // The renderer's own work too (style, layout, paint), which the JavaScript profiler does not see.
  await browser!.startTracing(page, { categories: ['devtools.timeline'] });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  const trace = JSON.parse((await browser!.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const rendererMs = new Map<string, number>();
  for (const event of trace.traceEvents) {
    if (event.ph !== 'X' || !RENDERER_STEPS.includes(event.name)) continue;
    // Events by their type (keydown, input, message…); one may be dispatched inside another's handling.
    const name = event.name === 'EventDispatch' ? `${event.args?.data?.type ?? '?'} event` : event.name;
    rendererMs.set(name, (rendererMs.get(name) ?? 0) + (event.dur ?? 0) / 1000);
  }
  const renderer = [...rendererMs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)!.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const file = frame.url ? frame.url.replace(/^.*\/_next\/static\//, '').replace(/\?.*$/, '') : '';
    const name = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : ''}`;
    selfMs.set(name, (selfMs.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const top = [...selfMs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));
  const totalMs = Math.round([...selfMs.values()].reduce((sum, ms) => sum + ms, 0));
  return {
    top,
    totalMs,
    renderer,
    perKeyMs: mainThreadPerKey(trace.traceEvents),
    lines: [
      `  renderer: ${renderer.map((step) => `${step.name} ${step.ms.toFixed(0)} ms`).join(', ')}`,
      `  JavaScript busy ${totalMs} ms in all`,
      ...top.map((entry) => `  ${entry.ms.toFixed(1).padStart(7)} ms  ${entry.name}`),
    ],
  };
}

/** Opens the editor on the long text and puts the caret at its very end. */
async function openAtTheEnd(page: Page, id: number): Promise<void> {
  await page.goto(`/desk/articles/${id}`);
  const body = page.getByRole('textbox', { name: 'Article text' });
  await body.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[aria-label="Article text"] h2').length >= 10);
  await body.locator(':scope > p').last().click();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(1_000);
}

/**
 * Types `plan` into the focused editor one key at a time and returns, per key, the time from its keydown
 * to the frames that show it (see the file's comment), with the browser's own Event Timing entries.
 */
async function typeAndMeasure(page: Page, plan: Keystroke[]): Promise<{ samples: Sample[]; slowKeydowns: number[] }> {
  await page.evaluate(() => {
    const target = window as unknown as BenchWindow;
    target.__typingSamples = [];
    target.__slowKeydowns = [];
    document.addEventListener(
      'keydown',
      (event) => {
        const handlerStart = performance.now();
        // The event's own time stamp is when the key was pressed, before any wait for the main thread.
        const pressed = event.timeStamp > 0 && event.timeStamp <= handlerStart ? event.timeStamp : handlerStart;
        // A message posted from the frame's own animation callback arrives once that frame has been
        // produced: the key's handling, style, layout and paint, without waiting for the frame after.
        // (It may arrive after the next frame has begun, so it fills in the sample whenever it comes.)
        const sample: Sample = { key: event.key, fromKeypress: Number.NaN, fromHandler: Number.NaN, toPainted: Number.NaN };
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            sample.toPainted = performance.now() - pressed;
          };
          channel.port2.postMessage(null);
          requestAnimationFrame(() => {
            const painted = performance.now();
            sample.fromKeypress = painted - pressed;
            sample.fromHandler = painted - handlerStart;
            target.__typingSamples.push(sample);
          });
        });
      },
      { capture: true },
    );
    // The browser's own view (Event Timing): keydowns that took 16 ms or more up to the frame the
    // compositor presented. Recorded for reference, not asserted: in headless Chromium, typing into a
    // new paragraph at the very end of a long article can show seconds here while frames keep coming
    // every ~16 ms (the display skips drawing them until the page scrolls). Buffered entries from
    // before this point (the click and Control+End that placed the caret) are left out.
    const installedAt = performance.now();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.startTime >= installedAt && entry.name === 'keydown') target.__slowKeydowns.push(entry.duration);
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });

  for (const [index, step] of plan.entries()) {
    if (step.key === 'Enter') await page.keyboard.press('Enter');
    else await page.keyboard.type(step.key);
    await page.waitForFunction((count) => (window as unknown as BenchWindow).__typingSamples.length >= count, index + 1, { polling: 5, timeout: 10_000 });
    await page.waitForTimeout(step.pauseAfter ? PAUSE_AFTER_SENTENCE_MS : PAUSE_BETWEEN_KEYS_MS);
  }

  const { samples, slowKeydowns } = await page.evaluate(() => {
    const target = window as unknown as BenchWindow;
    return { samples: target.__typingSamples, slowKeydowns: target.__slowKeydowns };
  });
  // Every keystroke reached the document.
  await page.waitForFunction((text) => document.querySelector('[aria-label="Article text"]')?.textContent?.includes(text) ?? false, SENTENCES[0]!);
  expect(samples).toHaveLength(plan.length);
  expect(samples.map((sample) => sample.key)).toEqual(plan.map((step) => step.key));
  return { samples, slowKeydowns };
}

const REMOTE_WRITERS = 9;
const REMOTE_EVERY_MS = 200;
/** How long a page only receives the remote writers' changes, under the profiler. */
const RECEIVING_FOR_MS = 10_000;

/** The word remote writer `writer` types as its `count`th: unique, so it can be found in the text. */
const remoteWord = (writer: number, count: number) => `remote${writer}w${count}`;

/**
 * Writers over HTTP, as the browser talks to the server: each starts from the shared document's state,
 * puts a word into a random paragraph of its own copy, and sends the change, then waits and does it again.
 * Their copies never see each other's changes or the browser's; each change builds only on the state and
 * the writer's own earlier changes, so the server takes it.
 */
async function startRemoteWriters({ url, cookie, articleId, count }: { url: string; cookie: string; articleId: number; count: number }) {
  const collab = `${url}/api/desk/articles/${articleId}/collab`;
  const joined = (await (await fetch(collab, { headers: { cookie } })).json()) as { state: string };
  const state = Buffer.from(joined.state, 'base64');
  let isRunning = true;
  let sent = 0;
  let refused = 0;
  const started = performance.now();
  const loops = Array.from({ length: count }, async (_, writer) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const random = seededRandom(1_000 + writer);
    const paragraphs = doc
      .getXmlFragment(COLLAB_FIELD)
      .toArray()
      .flatMap((node) => (node instanceof Y.XmlElement && node.nodeName === 'paragraph' ? node.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText && child.length > 0) : []));
    for (let typed = 0; isRunning; typed++) {
      const text = paragraphs[Math.floor(random() * paragraphs.length)]!;
      const before = Y.encodeStateVector(doc);
      text.insert(0, `${remoteWord(writer, typed)} `);
      const update = Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
      const response = await fetch(collab, { method: 'POST', headers: { cookie, origin: url, 'Content-Type': 'application/json' }, body: JSON.stringify({ update, origin: `bench-writer-${writer}` }) });
      await response.text();
      if (response.ok) sent += 1;
      else refused += 1;
      await new Promise((resolve) => setTimeout(resolve, REMOTE_EVERY_MS + Math.floor(random() * 100)));
    }
  });
  return {
    async stop() {
      isRunning = false;
      await Promise.all(loops);
      return { sent, refused, seconds: (performance.now() - started) / 1000 };
    },
  };
}

const BROWSER_WRITERS = 9;
const BROWSER_PAUSE_MS = 250;

/**
 * Nine more editors in Chromium, each a page of its own (the same signed-in editor, as a colleague's tab
 * would be): each puts the caret at the start of a random paragraph, types a word there key by key, pauses,
 * and does it again. Their keystrokes reach the server as the editor sends them, and every page draws the
 * others' words and carets.
 */
async function startBrowserWriters({ articleId, count }: { articleId: number; count: number }) {
  const storageState = await context!.storageState();
  const pages = await Promise.all(
    Array.from({ length: count }, async () => {
      const writerContext = await browser!.newContext({ baseURL: server!.url, storageState });
      const page = await writerContext.newPage();
      await openAtTheEnd(page, articleId);
      return page;
    }),
  );
  let isRunning = true;
  let words = 0;
  let keys = 0;
  const started = performance.now();
  const loops = pages.map(async (page, writer) => {
    const random = seededRandom(2_000 + writer);
    for (let typed = 0; isRunning; typed++) {
      await page.getByRole('textbox', { name: 'Article text' }).evaluate((body, pick) => {
        const paragraphs = [...body.querySelectorAll(':scope > p')].filter((paragraph) => paragraph.firstChild);
        const paragraph = paragraphs[Math.floor(pick * paragraphs.length)];
        if (paragraph) window.getSelection()?.collapse(paragraph, 0);
      }, random());
      await page.waitForTimeout(30);
      const word = `${browserWord(writer, typed)} `;
      await page.keyboard.type(word, { delay: 30 });
      words += 1;
      keys += word.length;
      await page.waitForTimeout(BROWSER_PAUSE_MS + Math.floor(random() * 100));
    }
  });
  return {
    pages,
    async stop() {
      isRunning = false;
      await Promise.all(loops);
      const seconds = (performance.now() - started) / 1000;
      await Promise.all(pages.map((page) => page.context().close()));
      return { words, keys, seconds };
    },
  };
}

/** The word Chromium writer `writer` types as its `count`th. */
const browserWord = (writer: number, count: number) => `browser${writer}w${count}`;

describe('typing in the editor on a 10,000-word article', () => {
  it('paints each keystroke quickly', async () => {
    const page = await context!.newPage();
    await signIn(page);
    const id = await createDraft(page);
    longArticleId = id;

    // Load the long text through the save endpoint, exactly as the editor would send it.
    const cookie = (await context!.cookies(server!.url)).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const api = deskApi(server!.url, cookie, id);
    const current = await api.get();
    const payload = {
      title: current.title,
      dek: current.dek,
      slug: current.slug,
      sectionId: current.sectionId,
      issueId: current.issueId,
      authorContributorIds: current.authors.map((author) => author.id),
      seoTitle: current.seoTitle,
      seoDescription: current.seoDescription,
      featuredMediaId: current.featuredImage?.id ?? null,
      reason: 'save' as const,
    };
    let { version, wordCount } = await api.put({ ...payload, body: article.doc, baseVersion: current.version });
    expect(wordCount).toBe(10_000);

    // While the server is warm: the whole HTTP save, request to parsed response, as seen from a client.
    const httpTimings: number[] = [];
    for (let index = 0; index < HTTP_WARMUP + HTTP_SAVES; index++) {
      const body = varyLastParagraph(article.doc, index + 1);
      const started = performance.now();
      ({ version, wordCount } = await api.put({ ...payload, body, baseVersion: version }));
      const elapsed = performance.now() - started;
      if (index >= HTTP_WARMUP) httpTimings.push(elapsed);
    }
    const httpSave = summarize(httpTimings);
    console.log(benchLine('save-article HTTP PUT 10k words (warm server, localhost)', httpSave));
    writeResults('save-article-http', {
      method: `PUT /api/desk/articles/:id from Node (fetch, keep-alive) against the production server; ${HTTP_WARMUP} warm-up, then ${HTTP_SAVES} timed sequential saves`,
      document: { words: article.words, bytes: Buffer.byteLength(JSON.stringify(article.doc), 'utf8') },
      warmup: HTTP_WARMUP,
      save: httpSave,
    });

    await openAtTheEnd(page, id);

    const plan = keystrokePlan();
    const { samples, slowKeydowns } = await typeAndMeasure(page, plan);
    const latency = summarize(samples.map((sample) => sample.fromKeypress));
    const toPainted = summarize(samples.map((sample) => sample.toPainted));
    const fromHandler = summarize(samples.map((sample) => sample.fromHandler));
    const enter = summarize(samples.filter((sample) => sample.key === 'Enter').map((sample) => sample.fromKeypress));
    const eventTiming = {
      keydownsAtLeast16ms: slowKeydowns.length,
      keydownsOver100ms: slowKeydowns.filter((duration) => duration > 100).length,
      worstKeydownMs: Math.max(0, ...slowKeydowns),
    };
    console.log(benchLine('typing-latency 10k words', latency));
    console.log(benchLine('typing-latency 10k words, keydown to the end of the frame that shows it (goal p95 <= 16 ms)', toPainted));
    console.log(
      `BENCH typing-latency 10k words: from keydown handler p50=${fromHandler.p50.toFixed(1)}ms p95=${fromHandler.p95.toFixed(1)}ms; ` +
        `Enter p50=${enter.p50.toFixed(1)}ms max=${enter.max.toFixed(1)}ms (n=${enter.n}); ` +
        `Event Timing: ${eventTiming.keydownsAtLeast16ms} keydowns >=16ms, ${eventTiming.keydownsOver100ms} >100ms, worst ${eventTiming.worstKeydownMs}ms`,
    );
    writeResults('typing-latency', {
      method:
        'Chromium (headless) on the production build; capturing keydown listener, then two nested requestAnimationFrame callbacks; ' +
        `latency = second callback - event.timeStamp; one key at a time, ${PAUSE_BETWEEN_KEYS_MS} ms apart, Enter and a ${PAUSE_AFTER_SENTENCE_MS} ms pause after each sentence`,
      document: { words: article.words, headings: article.headings, paragraphs: article.paragraphs, footnotes: article.footnotes },
      browser: browser!.version(),
      latency,
      toFramePainted: toPainted,
      fromKeydownHandler: fromHandler,
      enter,
      eventTiming,
    });

    expect(latency.p95).toBeLessThan(P95_LIMIT_MS);

    // Where the time goes: the same typing again under Chromium's sampling profiler (after the timed
    // run, so the profiler's own cost is not in the figures above), summed by function.
    const profile = await profileTyping(page, keystrokePlan().slice(0, PROFILED_KEYSTROKES));
    const perKey = summarize(profile.perKeyMs);
    console.log(`BENCH typing-latency 10k words: where the main thread spends ${PROFILED_KEYSTROKES} keystrokes (self time)\n${profile.lines.join('\n')}`);
    console.log(`${benchLine('typing-latency 10k words, main-thread time per keystroke: its events, style, layout and paint, without waits (one frame is 16.7 ms)', perKey)}`);
    writeResults('typing-latency-profile', { keystrokes: PROFILED_KEYSTROKES, javascriptBusyMs: profile.totalMs, mainThreadPerKeystroke: perKey, renderer: profile.renderer, top: profile.top });
    expect(perKey.n).toBe(PROFILED_KEYSTROKES);
    await page.close();
  });

  it('paints each keystroke quickly while nine other writers type elsewhere in the article', async () => {
    const cookie = (await context!.cookies(server!.url)).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const { toPainted, latency, others: remote } = await typeWhileOthersWrite({
      start: () => startRemoteWriters({ url: server!.url, cookie, articleId: longArticleId!, count: REMOTE_WRITERS }),
      firstWordOfOthers: remoteWord(0, 1),
    });
    const perSecond = remote.sent / remote.seconds;
    console.log(benchLine(`typing-latency 10k words with ${REMOTE_WRITERS} other writers (${perSecond.toFixed(0)} updates/s), keydown to the end of its frame (goal p95 <= 16 ms)`, toPainted));
    console.log(benchLine(`typing-latency 10k words with ${REMOTE_WRITERS} other writers, keydown to the frame after`, latency));
    writeResults('typing-latency-with-writers', {
      method:
        `as typing-latency, while ${REMOTE_WRITERS} writers over HTTP (the same signed-in editor, each with its own copy) each put a word into a random paragraph ` +
        `every ${REMOTE_EVERY_MS}-${REMOTE_EVERY_MS + 100} ms; the browser receives their updates on its event stream`,
      remoteWriters: REMOTE_WRITERS,
      remoteUpdates: remote.sent,
      remoteUpdatesPerSecond: Math.round(perSecond),
      refused: remote.refused,
      toFramePainted: toPainted,
      latency,
    });
    expect(remote.refused).toBe(0);
    expect(latency.p95).toBeLessThan(P95_LIMIT_MS);
  });

  it('draws the changes nine other writers send at little cost to the page', async () => {
    expect(longArticleId, 'the first test made the long article').toBeDefined();
    const cookie = (await context!.cookies(server!.url)).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const page = await context!.newPage();
    await openAtTheEnd(page, longArticleId!);
    let remote: { sent: number; refused: number; seconds: number } = { sent: 0, refused: 0, seconds: 0 };
    const profile = await profileMainThread(page, async () => {
      const writers = await startRemoteWriters({ url: server!.url, cookie, articleId: longArticleId!, count: REMOTE_WRITERS });
      await page.waitForTimeout(RECEIVING_FOR_MS);
      remote = await writers.stop();
      // The last changes arrive and are drawn.
      await page.waitForTimeout(1_000);
    });
    // Every writer's words reached this page.
    for (let writer = 0; writer < REMOTE_WRITERS; writer++) {
      await page.waitForFunction((word) => (document.querySelector('[aria-label="Article text"]')?.textContent ?? '').includes(word), remoteWord(writer, 1), { timeout: 10_000 });
    }
    await page.close();
    const drawingMs = profile.renderer.filter((step) => !step.name.endsWith(' event')).reduce((sum, step) => sum + step.ms, 0);
    const perChange = { javascriptMs: profile.totalMs / remote.sent, drawingMs: drawingMs / remote.sent };
    console.log(
      `BENCH typing-latency 10k words, a page receiving ${remote.sent} changes from ${REMOTE_WRITERS} writers in ${remote.seconds.toFixed(1)} s: ` +
        `per change ${perChange.javascriptMs.toFixed(2)} ms of JavaScript and ${perChange.drawingMs.toFixed(2)} ms of style, layout and paint\n${profile.lines.join('\n')}`,
    );
    writeResults('collab-changes-in-browser', {
      method: `a Chromium page open at the end of the 10,000-word article, not typing, while ${REMOTE_WRITERS} writers over HTTP each put a word into a random paragraph every ${REMOTE_EVERY_MS}-${REMOTE_EVERY_MS + 100} ms for ${RECEIVING_FOR_MS / 1000} s; sampled CPU profile and trace of the page's main thread`,
      changes: remote.sent,
      refused: remote.refused,
      perChange: { javascriptMs: Math.round(perChange.javascriptMs * 100) / 100, drawingMs: Math.round(perChange.drawingMs * 100) / 100 },
      renderer: profile.renderer,
      top: profile.top,
    });
    expect(remote.refused).toBe(0);
    expect(remote.sent).toBeGreaterThan(0);
  });

  it('paints each keystroke while nine other editors type in Chromium pages of their own', async () => {
    const { toPainted, latency, others } = await typeWhileOthersWrite({
      start: () => startBrowserWriters({ articleId: longArticleId!, count: BROWSER_WRITERS }),
      firstWordOfOthers: browserWord(0, 1),
    });
    const keysPerSecond = others.keys / others.seconds;
    console.log(benchLine(`typing-latency 10k words with ${BROWSER_WRITERS} other editors in Chromium (${(others.words / others.seconds).toFixed(1)} words/s), keydown to the end of its frame (goal p95 <= 16 ms)`, toPainted));
    console.log(benchLine(`typing-latency 10k words with ${BROWSER_WRITERS} other editors in Chromium, keydown to the frame after`, latency));
    writeResults('typing-latency-with-browsers', {
      method:
        `as typing-latency, while ${BROWSER_WRITERS} more Chromium pages (the same signed-in editor, each its own page) each type a word, key by key ` +
        `(30 ms apart), at the start of a random paragraph, then pause ${BROWSER_PAUSE_MS}-${BROWSER_PAUSE_MS + 100} ms; all ten pages and the server on this machine's ${os.cpus().length} cores`,
      browserWriters: BROWSER_WRITERS,
      wordsByOthers: others.words,
      othersKeysPerSecond: Math.round(keysPerSecond),
      toFramePainted: toPainted,
      latency,
    });
    expect(latency.p95).toBeLessThan(P95_LIMIT_MS * 5);
  });
});

/**
 * Opens the long article at its end in a new page and types the keystroke plan there while the writers
 * `start` makes are at work; checks that their first word reached this editor, and returns the figures.
 */
async function typeWhileOthersWrite<Others>({ start, firstWordOfOthers }: { start: () => Promise<{ stop: () => Promise<Others> }>; firstWordOfOthers: string }) {
  expect(longArticleId, 'the first test made the long article').toBeDefined();
  const page = await context!.newPage();
  await openAtTheEnd(page, longArticleId!);
  const writers = await start();
  let typed: Awaited<ReturnType<typeof typeAndMeasure>>;
  let others: Others;
  try {
    typed = await typeAndMeasure(page, keystrokePlan());
  } finally {
    others = await writers.stop();
  }
  await page.waitForFunction((word) => (document.querySelector('[aria-label="Article text"]')?.textContent ?? '').includes(word), firstWordOfOthers, { timeout: 10_000 });
  await page.close();
  return {
    toPainted: summarize(typed.samples.map((sample) => sample.toPainted)),
    latency: summarize(typed.samples.map((sample) => sample.fromKeypress)),
    others,
  };
}
