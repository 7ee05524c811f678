import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { seededRandom } from '../factories/seeded-random';
import { EditorPage } from './support/editor-page';
import { readDemoDatabase } from './support/read-demo-database';
import { startOwnServer, type OwnServer } from './support/own-server';
import { newStaffPage, signInAs } from './support/staff-session';

/**
 * Two Chromium editors and three writers over HTTP change one article at once, at random, for a while:
 * the browsers type words after a space they pick at random, type in bold, go offline and back (and, in
 * the second test, split paragraphs); the HTTP writers, each with a copy that is sometimes out of date, put words between others and take
 * back words of their own. At the end both browsers, the server and the stored text hold the same text,
 * the server could write it as a valid article, and every word typed is there unless its own writer took
 * it back. A third test runs on a server of its own, killed (SIGKILL) and started again midway: the browsers
 * and the HTTP writers keep their changes until the server takes them, so nothing is lost to the crash.
 * `COLLAB_FUZZ_SEED` replays a run; the seed is printed.
 */

const SEED = Number(process.env.COLLAB_FUZZ_SEED ?? 20261207);
const DURATION_MS = 20_000;
const OPENING = 'The review conference opens in spring. Delegations are still drafting their positions.';

test.describe.configure({ timeout: 180_000 });

/** A word no other word contains: `x`, the writer, a number, `x` (so `xa1x` is not found inside `xa17x`). */
const token = (writer: string, count: number) => `x${writer}${count}x`;

type HttpWriter = { name: string; doc: Y.Doc; typed: string[]; takenBack: Set<string>; unanswered: number };

/** The server's port in the test with the restart: apart from the servers the other tests share. */
const RESTARTED_SERVER_PORT = 3104;
const RESTART_LIMIT_MS = 90_000;

/**
 * Runs `request` until the server answers it. While the server is down the connection is refused; the writer
 * keeps what it has not handed over and tries again, as the editor does. Counts the tries that got no answer.
 */
async function whenAnswered<T>(request: () => Promise<T>, onUnanswered: () => void = () => {}): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (Date.now() - started > RESTART_LIMIT_MS) throw error;
      onUnanswered();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function serverDoc(request: APIRequestContext, collab: string, onUnanswered?: () => void): Promise<Y.Doc> {
  const joined = (await whenAnswered(async () => (await request.get(collab)).json(), onUnanswered)) as { state: string };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(joined.state, 'base64'));
  return doc;
}

function textRuns(doc: Y.Doc): Y.XmlText[] {
  const runs: Y.XmlText[] = [];
  for (const node of doc.getXmlFragment('default').toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== 'paragraph') continue;
    for (const child of node.toArray()) if (child instanceof Y.XmlText) runs.push(child);
  }
  return runs;
}

const plainOf = (text: Y.XmlText) => (text.toDelta() as { insert: unknown }[]).map((run) => (typeof run.insert === 'string' ? run.insert : '\u0000')).join('');

/** One random change by an HTTP writer on its copy: a word between two others, or one of its own words taken back. */
function httpChange(writer: HttpWriter, random: () => number): void {
  const runs = textRuns(writer.doc);
  const mine = writer.typed.filter((word) => !writer.takenBack.has(word));
  if (mine.length > 0 && random() < 0.3) {
    const word = mine[Math.floor(random() * mine.length)]!;
    for (const run of runs) {
      const at = plainOf(run).indexOf(word);
      if (at === -1) continue;
      run.delete(at, word.length);
      writer.takenBack.add(word);
      return;
    }
    return;
  }
  const run = runs[Math.floor(random() * runs.length)];
  if (!run) return;
  const plain = plainOf(run);
  const spaces = [0, ...[...plain.matchAll(/ /g)].map((match) => match.index + 1)];
  const word = token(writer.name, writer.typed.length);
  run.insert(spaces[Math.floor(random() * spaces.length)]!, ` ${word} `);
  writer.typed.push(word);
}

/**
 * Puts the caret just after a space (or at a paragraph's start), chosen by `pick` in [0, 1), by setting the
 * page's selection as a click would; the editor reads it from there. Keyboard moves would do, but a line can
 * break, and word moves can stop, at another writer's caret drawn inside a word.
 */
async function caretAfterASpace(page: Page, pick: number): Promise<void> {
  await page.getByRole('textbox', { name: 'Article text' }).evaluate((body, chosen) => {
    const places: [Node, number][] = [];
    for (const block of body.children) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement?.closest('.collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let first = true;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (first) places.push([node, 0]);
        first = false;
        for (let index = 0; index < text.length; index++) if (text[index] === ' ') places.push([node, index + 1]);
      }
    }
    const [node, offset] = places[Math.floor(chosen * places.length)] ?? [body, 0];
    window.getSelection()?.collapse(node, offset);
  }, pick);
  // The editor takes the new selection on the next selectionchange.
  await page.waitForTimeout(30);
}

/** One random change in a browser: a word after a space, a new paragraph, a bold word, or a spell offline. */
async function browserChange(page: Page, name: string, typed: string[], random: () => number, { splits }: { splits: boolean }): Promise<void> {
  const roll = random();
  await caretAfterASpace(page, random());
  const word = token(name, typed.length);
  typed.push(word);
  if (roll < 0.15 && splits) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(`${word} `);
  } else if (roll < 0.25) {
    await page.keyboard.type(' ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(word);
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' ');
  } else if (roll < 0.3) {
    await page.context().setOffline(true);
    await page.keyboard.type(` ${word} `, { delay: 30 });
    await page.waitForTimeout(500 + Math.floor(random() * 1_500));
    await page.context().setOffline(false);
  } else {
    await page.keyboard.type(` ${word} `, { delay: 10 + Math.floor(random() * 40) });
  }
}

const shownText = (page: Page) =>
  page.getByRole('textbox', { name: 'Article text' }).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return [...copy.children].map((block) => block.textContent ?? '').join('\n');
  });

const blocksOf = (doc: Y.Doc) =>
  doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => (child instanceof Y.XmlText ? plainOf(child) : '')).join('') : ''))
    .join('\n');

/*
 * With paragraph splits, a word an HTTP writer took back can come back: Yjs has no move, so the editor's
 * binding writes a split as the paragraph's tail deleted and a copy of it put in a new paragraph, and a
 * deletion made at the same time in the old tail does not reach the copy (ADR 016). That variant checks
 * that the texts meet and no typed word is lost, and counts the words that came back. It is marked fixme:
 * the same copy can tear a word another browser is typing in the old tail, its first letters copied into
 * the new paragraph and the rest left at the end of the old one (seed 11 lost `xa5x` so). Run it with
 * COLLAB_FUZZ_SPLITS=1.
 */
for (const splits of [false, true]) {
  const title = splits
    ? `the same, with the browsers also splitting paragraphs (seed ${SEED})`
    : `two browsers and three HTTP writers at random end with one text and every word kept (seed ${SEED})`;
  (splits && process.env.COLLAB_FUZZ_SPLITS !== '1' ? test.fixme : test)(title, async ({ page, browser }) => fuzz({ page, browser, splits }));
}

test(`the same, with the server killed and started again midway, keeps every word (seed ${SEED})`, async ({ browser }) => {
  const server = await startOwnServer({ port: RESTARTED_SERVER_PORT, name: 'e2e-collab-restart' });
  try {
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await fuzz({ page, browser, splits: false, server });
  } finally {
    server.kill();
  }
});

async function fuzz({ page, browser, splits, server }: { page: Page; browser: Browser; splits: boolean; server?: OwnServer }): Promise<void> {
  console.log(`collab fuzz seed ${SEED} (COLLAB_FUZZ_SEED replays it)`);
  await signInAs(page, 'editor');
  const mine = new EditorPage(page);
  const id = await mine.create(`Fuzzed together ${Date.now()}`);
  await mine.body.click();
  await page.keyboard.type(OPENING);
  const collab = `/api/desk/articles/${id}/collab`;
  const origin = new URL(page.url()).origin;
  await expect.poll(async () => blocksOf(await serverDoc(page.request, collab))).toContain('drafting their positions.');
  const otherPage = await newStaffPage(browser, 'admin', server ? { baseURL: server.url } : {});
  const theirs = new EditorPage(otherPage);
  await theirs.open(id);
  await expect(theirs.body).toContainText(OPENING);
  await theirs.body.click();

  const browsers = [
    { page, name: 'a', typed: [] as string[], typedAt: [] as number[], random: seededRandom(SEED + 1) },
    { page: otherPage, name: 'b', typed: [] as string[], typedAt: [] as number[], random: seededRandom(SEED + 2) },
  ];
  const writers: HttpWriter[] = await Promise.all(
    ['c', 'd', 'e'].map(async (name) => ({ name, doc: await serverDoc(page.request, collab), typed: [], takenBack: new Set<string>(), unanswered: 0 })),
  );

  const startedAt = Date.now();
  const stopAt = startedAt + DURATION_MS;
  let restart = { killedAt: 0, answeringAt: 0 };
  await Promise.all([
    // Midway, the server is killed with everything in flight; it is down for a second, then starts again.
    ...(server
      ? [
          (async () => {
            await page.waitForTimeout(DURATION_MS * 0.4);
            server.kill();
            const killedAt = Date.now() - startedAt;
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            await server.start();
            restart = { killedAt, answeringAt: Date.now() - startedAt };
          })(),
        ]
      : []),
    ...browsers.map(async (writer) => {
      while (Date.now() < stopAt) {
        writer.typedAt.push(Date.now() - startedAt);
        await browserChange(writer.page, writer.name, writer.typed, writer.random, { splits });
        await writer.page.waitForTimeout(Math.floor(writer.random() * 300));
      }
    }),
    ...writers.map(async (writer, index) => {
      const own = seededRandom(SEED + 10 + index);
      while (Date.now() < stopAt) {
        // Now and then a writer works on a copy that missed the latest changes, as after a dropped connection.
        if (own() < 0.7) Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(await serverDoc(page.request, collab, () => (writer.unanswered += 1))));
        const before = Y.encodeStateVector(writer.doc);
        httpChange(writer, own);
        const update = Y.encodeStateAsUpdate(writer.doc, before);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(own() * 250)));
        const response = await whenAnswered(
          () => page.request.post(collab, { data: { update: Buffer.from(update).toString('base64'), origin: `http-${writer.name}` }, headers: { Origin: origin } }),
          () => (writer.unanswered += 1),
        );
        expect(response.status(), await response.text()).toBe(200);
      }
    }),
  ]);

  // Settled: both browsers show the server's text.
  for (const writer of browsers) await writer.page.context().setOffline(false);
  let serverText = '';
  await expect
    .poll(
      async () => {
        serverText = blocksOf(await serverDoc(page.request, collab));
        const shown = await Promise.all(browsers.map((writer) => shownText(writer.page)));
        return shown.every((text) => text === serverText);
      },
      { timeout: 30_000 },
    )
    .toBe(true);

  // The server writes it as an article (it is checked against the schema on the way), and the stored text is the same.
  const saved = await page.request.post(`${collab}/save`, { headers: { Origin: origin } });
  expect(saved.status(), await saved.text()).toBe(200);
  const stored = readDemoDatabase(
    (database) => (database.prepare('SELECT body_text AS bodyText FROM articles WHERE id = ?').get(id) as { bodyText: string }).bodyText,
    server ?? undefined,
  );
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  expect(words(stored)).toBe(words(serverText));

  // Every word typed is there, unless the writer who typed it took it back.
  const kept = [...browsers.flatMap((writer) => writer.typed), ...writers.flatMap((writer) => writer.typed.filter((word) => !writer.takenBack.has(word)))];
  const missing = kept.filter((word) => !serverText.includes(word));
  expect(missing).toEqual([]);
  const cameBack = writers.flatMap((writer) => [...writer.takenBack].filter((word) => serverText.includes(word)));
  // A split copies a paragraph's tail, so a word taken back from the old tail at the same time can come back (see above).
  if (!splits) expect(cameBack).toEqual([]);
  if (server) {
    // The crash came while writers were writing: some of their changes waited for the server to come back.
    expect(restart.answeringAt, 'the server was killed and answered again').toBeGreaterThan(restart.killedAt);
    expect(writers.reduce((sum, writer) => sum + writer.unanswered, 0)).toBeGreaterThan(0);
    const typedWhileDown = browsers.map((writer) => writer.typedAt.filter((at) => at > restart.killedAt && at < restart.answeringAt).length);
    expect(Math.min(...typedWhileDown), 'words each browser began while the server was down').toBeGreaterThan(0);
    console.log(
      `collab fuzz: server killed at ${restart.killedAt} ms, answering again at ${restart.answeringAt} ms; meanwhile ${writers.map((writer) => writer.unanswered).join(' + ')} HTTP tries unanswered and ${typedWhileDown.join(' + ')} words begun in the browsers`,
    );
  }
  console.log(`collab fuzz: ${browsers.map((writer) => writer.typed.length).join(' + ')} words typed in browsers, ${writers.map((writer) => writer.typed.length).join(' + ')} over HTTP, ${writers.reduce((sum, writer) => sum + writer.takenBack.size, 0)} taken back, ${cameBack.length} of them back after a split`);
}
