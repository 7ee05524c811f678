import { expect, test, type Browser, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { readDemoDatabase } from './support/read-demo-database';
import { newStaffPage, signInAs } from './support/staff-session';

test.describe.configure({ timeout: 120_000 });

const EDITOR_NAME = 'Miriam Kovacs';
const ADMIN_NAME = 'Dana Whitfield';
const OPENING = 'The moratorium on testing has held for decades. Verification relies on seismic stations across the globe.';

function bodyTextOf(id: number): string {
  return readDemoDatabase((database) => (database.prepare('SELECT body_text AS bodyText FROM articles WHERE id = ?').get(id) as { bodyText: string }).bodyText);
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text an editor shows, without the others' caret labels drawn into it. */
const shownText = (editor: EditorPage) =>
  editor.body.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return [...copy.children].map((block) => block.textContent ?? '').join(' ');
  });

/** The editor starts a draft with one paragraph; the admin opens it in a browser of their own. */
async function twoWriters(page: Page, browser: Browser, title: string) {
  await signInAs(page, 'editor');
  const mine = new EditorPage(page);
  const id = await mine.create(`${title} ${Date.now()}`);
  await mine.body.click();
  await page.keyboard.type(OPENING);
  await expect.poll(() => bodyTextOf(id), { timeout: 15_000 }).toContain('seismic stations across the globe.');
  const otherPage = await newStaffPage(browser, 'admin');
  const theirs = new EditorPage(otherPage);
  await theirs.open(id);
  await expect(theirs.body).toContainText(OPENING);
  return { id, mine, theirs, otherPage };
}

const whoIsHere = (page: Page) => page.getByRole('list', { name: 'Who is here' });

test('two writers see each other, each other’s carets within 200 ms, and each other’s text, which the server saves', async ({ page, browser }) => {
  const { id, mine, theirs, otherPage } = await twoWriters(page, browser, 'Together');

  await expect(whoIsHere(page)).toContainText(ADMIN_NAME);
  await expect(whoIsHere(otherPage)).toContainText(EDITOR_NAME);
  await expect(page.getByTestId('collab-connection')).toHaveText('Connected');

  // The editor's caret at the start of the text, as the admin sees it.
  await mine.body.focus();
  await page.keyboard.press('Control+Home');
  const caret = theirs.body.locator('.collaboration-carets__caret').filter({ hasText: EDITOR_NAME });
  await expect(caret).toBeVisible();
  // Where the caret is, as the number of characters of text before it in the admin's editor.
  const caretOffset = () =>
    otherPage.evaluate((name) => {
      const found = [...document.querySelectorAll('.collaboration-carets__caret')].find((element) => element.textContent?.includes(name));
      const body = document.querySelector('[aria-label="Article text"]');
      if (!found || !body) return -1;
      const range = document.createRange();
      range.setStart(body, 0);
      range.setEndBefore(found);
      return range.toString().length;
    }, EDITOR_NAME);
  await expect.poll(caretOffset).toBe(0);
  // Watch in the admin's page for the caret to leave the start, then move it to the end of the text.
  const seen = otherPage.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const look = () => {
          const found = [...document.querySelectorAll('.collaboration-carets__caret')].find((element) => element.textContent?.includes(name));
          const body = document.querySelector('[aria-label="Article text"]');
          if (found && body) {
            const range = document.createRange();
            range.setStart(body, 0);
            range.setEndBefore(found);
            if (range.toString().length > 0) {
              resolve(Date.now());
              return;
            }
          }
          requestAnimationFrame(look);
        };
        look();
      }),
    EDITOR_NAME,
  );
  const movedAt = Date.now();
  await page.keyboard.press('Control+End');
  const seenAt = await seen;
  expect(seenAt - movedAt, `the caret reached the other writer after ${seenAt - movedAt} ms`).toBeLessThan(200);

  await expect.poll(caretOffset).toBe(OPENING.length);

  // Text one types appears at the other's.
  await page.keyboard.type(' The editor adds a line.');
  await expect.poll(() => shownText(theirs)).toContain('The editor adds a line.');
  await theirs.body.focus();
  await otherPage.keyboard.press('Control+End');
  await otherPage.keyboard.press('Enter');
  await otherPage.keyboard.type('The admin answers below.');
  await expect.poll(() => shownText(mine)).toContain('The admin answers below.');

  // After the autosave interval the database holds what both editors show.
  await expect.poll(() => bodyTextOf(id), { timeout: 15_000 }).toContain('The admin answers below.');
  const shownMine = words(await shownText(mine));
  expect(words(await shownText(theirs))).toBe(shownMine);
  expect(shownMine).toContain('The admin answers below.');
  expect(words(bodyTextOf(id))).toBe(shownMine);
  await otherPage.context().close();
});

test('a note stays on its passage while the other writer types before it', async ({ page, browser }) => {
  const { mine, theirs, otherPage } = await twoWriters(page, browser, 'Anchored');

  const notes = page.getByRole('region', { name: 'Notes', exact: true });
  await mine.showPanel('Notes');
  await mine.selectText('seismic stations');
  await notes.getByRole('button', { name: 'Comment on the selected passage' }).click();
  await notes.getByLabel('Note on the selected passage').fill('Which network?');
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(mine.body.locator('.note-anchor')).toHaveText('seismic stations');

  // The admin types before the passage, at the start of the text.
  await theirs.body.focus();
  await otherPage.keyboard.press('Control+Home');
  await otherPage.keyboard.type('Breaking: ');
  await expect.poll(() => shownText(mine)).toContain('Breaking: The moratorium');
  await expect(mine.body.locator('.note-anchor')).toHaveText('seismic stations');
  await expect(notes.getByText('Detached — the passage was edited away')).toHaveCount(0);
  await otherPage.context().close();
});

test('both writers offline: each keeps typing, and on return both texts are in both editors and in the database', async ({ page, browser }) => {
  const { id, mine, theirs, otherPage } = await twoWriters(page, browser, 'Offline');

  await page.context().setOffline(true);
  await otherPage.context().setOffline(true);
  await mine.body.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Written by the editor while offline.');
  await theirs.body.focus();
  await otherPage.keyboard.press('Control+Home');
  await otherPage.keyboard.type('Offline, the admin writes first. ');
  await expect(page.getByTestId('collab-connection')).toHaveText('Offline — changes kept on this device');
  await expect(otherPage.getByTestId('collab-connection')).toHaveText('Offline — changes kept on this device');
  await expect(theirs.body).not.toContainText('Written by the editor while offline.');

  await page.context().setOffline(false);
  await otherPage.context().setOffline(false);
  for (const editor of [mine, theirs]) {
    await expect.poll(() => shownText(editor), { timeout: 15_000 }).toContain('Written by the editor while offline.');
    await expect.poll(() => shownText(editor), { timeout: 15_000 }).toContain('Offline, the admin writes first.');
  }
  await expect(page.getByTestId('collab-connection')).toHaveText('Connected');
  // The server saves the shared text at most every 5 seconds: both lines are there once it has.
  await expect.poll(() => bodyTextOf(id), { timeout: 15_000 }).toContain('Written by the editor while offline.');
  await expect.poll(() => bodyTextOf(id), { timeout: 15_000 }).toContain('Offline, the admin writes first.');
  await otherPage.context().close();
});
