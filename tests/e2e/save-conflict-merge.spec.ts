import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { readDemoDatabase } from './support/read-demo-database';
import { VERSIONED_SERVER } from './support/servers';
import { newStaffPage, signInAs } from './support/staff-session';

test.describe.configure({ timeout: 120_000 });
// Two saves meet only where live co-editing is off: the versioned save and its conflict view.
test.use({ viewport: { width: 1366, height: 768 }, baseURL: VERSIONED_SERVER.url });

const OPENING = 'The treaty was signed in Geneva by five states.';

/** Replaces the first occurrence of some words in the text, as a writer selecting them and typing over would. */
async function replaceWords(editor: EditorPage, words: string, replacement: string): Promise<void> {
  await editor.selectText(words);
  await editor.page.keyboard.type(replacement);
}

/** Writes the opening paragraph in a new article and returns its id once saved. */
async function startArticle(page: Page, title: string): Promise<{ editor: EditorPage; id: number }> {
  const editor = new EditorPage(page);
  const id = await editor.create(title);
  await editor.body.click();
  await page.keyboard.type(OPENING);
  await editor.waitSaved();
  return { editor, id };
}

function workingCopy(id: number): { title: string; bodyText: string } {
  return readDemoDatabase((database) => database.prepare('SELECT title, body_text AS bodyText FROM articles WHERE id = ?').get(id) as { title: string; bodyText: string }, VERSIONED_SERVER);
}

test('the same person in two tabs: the conflict says it was their other tab, and lists each changed word', async ({ page, context }) => {
  await signInAs(page, 'editor');
  const { editor: first, id } = await startArticle(page, `Two tabs ${Date.now()}`);

  const secondPage = await context.newPage();
  const second = new EditorPage(secondPage);
  await second.open(id);
  await expect(second.body).toContainText(OPENING);
  await replaceWords(second, 'five', 'seven');
  await second.waitSaved();

  await replaceWords(first, 'Geneva', 'Vienna');
  await expect(first.status).toHaveText('Conflict', { timeout: 15_000 });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('You saved this article in your other tab or on another device');
  await expect(dialog.getByRole('heading', { level: 2 })).not.toContainText('Miriam Kovacs');
  await expect(dialog).toContainText(/You saved version \d+ (just now|1 minute ago)/);
  const changes = dialog.getByRole('region', { name: 'Differences' }).getByRole('group');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('only in yours: Vienna');
  await expect(changes.nth(0)).toContainText('only in theirs: Geneva');
  await expect(changes.nth(1)).toContainText('only in yours: five');
  await expect(changes.nth(1)).toContainText('only in theirs: seven');
  await secondPage.close();
});

test('two staff: the dialog names the other person, and the saved text holds exactly the words chosen per change', async ({ page, browser }) => {
  await signInAs(page, 'editor');
  const { editor: mine, id } = await startArticle(page, `Two people ${Date.now()}`);

  const otherPage = await newStaffPage(browser, 'admin');
  const theirs = new EditorPage(otherPage);
  await theirs.open(id);
  await expect(theirs.body).toContainText(OPENING);
  await replaceWords(theirs, 'five', 'seven');
  await theirs.waitSaved();

  await replaceWords(mine, 'Geneva', 'Vienna');
  await expect(mine.status).toHaveText('Conflict', { timeout: 15_000 });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Dana Whitfield saved this article while you were writing');
  await expect(dialog).toContainText(/Dana Whitfield saved version \d+ (just now|1 minute ago)/);

  const changes = dialog.getByRole('region', { name: 'Differences' }).getByRole('group');
  await expect(changes).toHaveCount(2);
  await changes.filter({ hasText: 'Vienna' }).getByRole('radio', { name: 'Mine' }).check();
  await changes.filter({ hasText: 'seven' }).getByRole('radio', { name: 'Theirs' }).check();
  const chosen = 'The treaty was signed in Vienna by seven states.';
  await expect(dialog.getByRole('region', { name: 'Merged result' })).toContainText(chosen);
  await dialog.getByRole('button', { name: 'Save this text' }).click();
  await mine.waitSaved();
  await expect(dialog).toBeHidden();

  expect(workingCopy(id).bodyText).toBe(chosen);
  await expect(mine.body).toHaveText(chosen);
  await page.reload();
  await expect(mine.body).toHaveText(chosen);
  const history = readDemoDatabase((database) => database.prepare('SELECT reason, body_text AS bodyText FROM revisions WHERE article_id = ? ORDER BY id').all(id) as { reason: string; bodyText: string }[], VERSIONED_SERVER);
  expect(history).toContainEqual({ reason: 'conflict', bodyText: 'The treaty was signed in Vienna by five states.' });
  expect(history.map((revision) => revision.bodyText)).toContain('The treaty was signed in Geneva by seven states.');
  await otherPage.context().close();
});

test('a third save while the choices are being made brings the dialog back against it, and loses nothing', async ({ page, browser }) => {
  await signInAs(page, 'editor');
  const { editor: mine, id } = await startArticle(page, `Three saves ${Date.now()}`);

  const otherPage = await newStaffPage(browser, 'admin');
  const theirs = new EditorPage(otherPage);
  await theirs.open(id);
  await expect(theirs.body).toContainText(OPENING);
  await replaceWords(theirs, 'five', 'seven');
  await theirs.waitSaved();

  await replaceWords(mine, 'Geneva', 'Vienna');
  await expect(mine.status).toHaveText('Conflict', { timeout: 15_000 });
  const dialog = page.getByRole('alertdialog');
  const changes = dialog.getByRole('region', { name: 'Differences' }).getByRole('group');
  await changes.filter({ hasText: 'seven' }).getByRole('radio', { name: 'Theirs' }).check();

  await replaceWords(theirs, 'states', 'nations');
  await theirs.waitSaved();
  await dialog.getByRole('button', { name: 'Save this text' }).click();
  await expect(mine.status).toHaveText('Conflict', { timeout: 15_000 });
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Dana Whitfield saved this article while you were writing');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('only in yours: Vienna');
  await expect(changes.nth(1)).toContainText('only in theirs: nations.');
  expect(workingCopy(id).bodyText).toBe('The treaty was signed in Geneva by seven nations.');

  await changes.nth(1).getByRole('radio', { name: 'Theirs' }).check();
  await dialog.getByRole('button', { name: 'Save this text' }).click();
  await mine.waitSaved();
  expect(workingCopy(id).bodyText).toBe('The treaty was signed in Vienna by seven nations.');
  await expect(mine.body).toHaveText('The treaty was signed in Vienna by seven nations.');
  const kept = readDemoDatabase((database) => database.prepare("SELECT body_text AS bodyText FROM revisions WHERE article_id = ? AND reason = 'conflict'").all(id) as { bodyText: string }[], VERSIONED_SERVER);
  expect(kept.map((revision) => revision.bodyText)).toEqual(['The treaty was signed in Vienna by five states.', 'The treaty was signed in Vienna by seven states.']);
  await otherPage.context().close();
});
