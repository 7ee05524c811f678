import { expect, test, type Locator } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { makePng } from './support/make-image';
import { readDemoDatabase } from './support/read-demo-database';
import { signInAs } from './support/staff-session';
import { chooseOption } from './support/desk-controls';

test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 60_000 });

const unique = () => Date.now().toString(36);

test('a field names the error the server returned as its description, and nothing is saved', async ({ page }) => {
  const name = '!!! ???';
  await signInAs(page, 'editor');
  await page.goto('/desk/entities/new');
  await expect(async () => {
    await chooseOption(page, 'Kind', 'Topic');
    await expect(page.getByText('This kind of entity has no facts of its own.')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create entity' }).click();

  const slug = page.getByLabel('Slug', { exact: true });
  await expect(slug).toHaveAttribute('aria-invalid', 'true');
  const [errorId] = ((await slug.getAttribute('aria-describedby')) ?? '').split(' ');
  const error = page.locator(`[id="${errorId}"]`);
  await expect(error).toBeVisible();
  await expect(error).toHaveText('The name has no letters or digits to make an address from; type a slug.');
  await expect(slug).toHaveAccessibleDescription(/^The name has no letters or digits to make an address from; type a slug\./);
  // The label names the field alone; the hint and the error are its description, not its name.
  await expect(slug).toHaveAccessibleName('Slug');
  expect(readDemoDatabase((database) => database.prepare('SELECT count(*) AS count FROM entities WHERE name = ?').get(name))).toEqual({ count: 0 });
});

test('a workflow form opens as a modal dialog that keeps focus inside and gives it back on Escape', async ({ page }) => {
  const { id } = readDemoDatabase((database) => database.prepare("SELECT id FROM articles WHERE status = 'published' ORDER BY id LIMIT 1").get() as { id: number });
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  await editor.open(id);
  const workflow = await editor.showPanel('Workflow');
  const opener = workflow.getByRole('button', { name: 'Unpublish…' });
  await opener.click();

  const dialog = page.getByRole('dialog', { name: 'Unpublish' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Why (for the audit log)')).toBeFocused();
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await holdsFocus(dialog)).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(readDemoDatabase((database) => database.prepare('SELECT status FROM articles WHERE id = ?').get(id))).toEqual({ status: 'published' });
});

test('a saved section is confirmed in a toast that names the record as stored', async ({ page }) => {
  const name = `Briefings ${unique()}`;
  await signInAs(page, 'admin');
  await page.goto('/desk/sections');
  const form = page.getByRole('form', { name: 'New section' });
  await form.getByLabel('Name', { exact: true }).fill(`  ${name} `);
  await form.getByRole('button', { name: 'Add section' }).click();

  const toast = page.getByRole('status').filter({ hasText: 'Added the section' });
  await expect(toast).toBeVisible();
  const stored = readDemoDatabase((database) => database.prepare('SELECT name FROM sections WHERE name LIKE ?').get(`%${name}%`) as { name: string } | undefined);
  expect(stored?.name).toBe(name);
  await expect(toast).toHaveText(`Added the section ${stored!.name}.`);
  await expect(toast).toHaveAttribute('aria-live', 'polite');
});

test('the media search shows an empty state until an image matches, then the image instead', async ({ page }) => {
  const token = `emptystate${unique()}`;
  await signInAs(page, 'author');
  await page.goto('/desk/media');
  const search = page.getByLabel('Search by alt text, caption, credit or file name');
  await search.fill(token);
  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('region', { name: /Images matching/ });
  const empty = results.getByRole('status').filter({ hasText: 'No image matches that search.' });
  await expect(empty).toBeVisible();
  await expect(results.getByRole('listitem')).toHaveCount(0);

  const upload = page.getByRole('region', { name: 'Upload an image' });
  await upload.getByLabel(/^Image/).setInputFiles({ name: 'quay.png', mimeType: 'image/png', buffer: await makePng({ width: 640, height: 480 }) });
  await upload.getByLabel(/^Alt text/).fill('A quay at dusk');
  await upload.getByLabel('Caption').fill(`Harbour lights, ${token}`);
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload.getByText('Uploaded quay.png.')).toBeVisible();

  const stored = readDemoDatabase((database) => database.prepare('SELECT caption FROM media WHERE caption LIKE ?').all(`%${token}%`) as { caption: string }[]);
  expect(stored).toHaveLength(1);
  await search.fill(token);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(empty).toHaveCount(0);
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('listitem')).toContainText(stored[0]!.caption);
});

function holdsFocus(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((element) => element.contains(document.activeElement));
}
