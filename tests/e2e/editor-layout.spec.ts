import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { DEMO_SERVER } from './support/servers';
import { signInAs } from './support/staff-session';

test.describe.configure({ timeout: 90_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const TEXT_NAMING_ENTITIES = 'Poland and Estonia said they would leave the Ottawa Convention, and Finland and Lithuania agreed.';

test('at 1366×768 the title, the text and the open panel’s heading are in view together, for every panel', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  await editor.create(`Layout on a laptop ${Date.now()}`);
  const tabs = page.getByRole('tablist', { name: 'Article panels' }).getByRole('tab');
  await expect(tabs).toHaveText(['Workflow', 'Notes', 'Details', 'Tags']);

  for (const [tabName, heading] of [
    ['Workflow', 'Workflow'],
    ['Notes', 'Notes'],
    ['Details', 'Article details'],
    ['Tags', 'Tag suggestions'],
  ] as const) {
    await tabs.filter({ hasText: tabName }).click();
    const panel = page.getByRole('tabpanel', { name: tabName });
    await expect(panel).toBeVisible();
    await expectInViewport(page, [editor.title, editor.body, panel.getByRole('heading', { name: heading, exact: true })]);
  }
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('the panel tabs follow the keyboard: arrows move between tabs and the panel is named by its tab', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  await editor.create(`Tabs by keyboard ${Date.now()}`);
  const tablist = page.getByRole('tablist', { name: 'Article panels' });
  const workflowTab = tablist.getByRole('tab', { name: 'Workflow' });
  await expect(workflowTab).toHaveAttribute('aria-selected', 'true');
  await workflowTab.focus();

  await page.keyboard.press('ArrowRight');
  await expect(tablist.getByRole('tab', { name: 'Notes' })).toBeFocused();
  await expect(tablist.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Notes' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Workflow' })).toBeHidden();

  await page.keyboard.press('End');
  await expect(tablist.getByRole('tab', { name: 'Tags' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(workflowTab).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tablist.getByRole('tab', { name: 'Tags' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Tags' }).getByRole('heading', { name: 'Tag suggestions' })).toBeVisible();
});

test('the toolbar keeps to one row at 1366 and 1024 px, and its More menu applies a mark by keyboard', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  await editor.create(`Toolbar widths ${Date.now()}`);
  await editor.body.click();
  await page.keyboard.type('The inspectors counted 235 uranium samples.');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });

  for (const width of [1920, 1366, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    await expect.poll(() => rowsOf(toolbar), { message: `toolbar rows at ${width} px` }).toBe(1);
  }

  const more = toolbar.getByRole('button', { name: 'More formatting' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  const menu = page.getByRole('menu', { name: 'More formatting' });

  // Escape closes the menu and gives focus back to its button.
  await more.focus();
  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeVisible();
  await expect(menu.locator('[role^="menuitem"]').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();

  // The selection survives a trip through the menu, and the chosen mark applies to it.
  await editor.selectText('235');
  await editor.body.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  const superscript = menu.getByRole('menuitemcheckbox', { name: 'Superscript' });
  await expect(superscript).toBeVisible();
  for (let step = 0; step < 30 && !(await superscript.evaluate((item) => item === document.activeElement)); step++) await page.keyboard.press('ArrowDown');
  await expect(superscript).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(editor.body.locator('sup')).toHaveText('235');
});

test('the panel tabs, the suggestions list and the open More menu pass an accessibility audit', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  await editor.create(`Audited layout ${Date.now()}`);
  await writeAndWaitForSuggestions(page, editor);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'More formatting' }).click();
  await expect(page.getByRole('menu', { name: 'More formatting' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page })
    .include('.editor-toolbar')
    .include('.editor-sidebar')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('accept all tags the article with every suggestion, in one save', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  const id = await editor.create(`Accept all ${Date.now()}`);
  const suggested = await writeAndWaitForSuggestions(page, editor);

  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect(knownSuggestions(page)).toHaveCount(0);
  await expect(editor.body.locator('.entity-mention')).toHaveCount(suggested.length);
  await editor.waitSaved();
  expect(taggedNames(id)).toEqual([...suggested].sort());

  // Undo takes back every tag at once: it was one change.
  await editor.body.focus();
  await page.keyboard.press('Control+z');
  await expect(editor.body.locator('.entity-mention')).toHaveCount(0);
});

test('reject all dismisses every suggestion and tags nothing, and stays so after a reload', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  const id = await editor.create(`Reject all ${Date.now()}`);
  const suggested = await writeAndWaitForSuggestions(page, editor);

  await page.getByRole('button', { name: 'Reject all' }).click();
  await expect(knownSuggestions(page)).toHaveCount(0);
  await expect(page.getByRole('tabpanel', { name: 'Tags' })).toContainText('Nothing to suggest yet.');
  await editor.waitSaved();
  expect(taggedNames(id)).toEqual([]);
  await expect.poll(() => dismissedNames(id)).toEqual([...suggested].sort());

  await page.reload();
  await page.getByRole('tab', { name: 'Tags' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Tags' })).toContainText('Nothing to suggest yet.', { timeout: 15_000 });
});

test('suggestions are accepted and dismissed from the keyboard alone', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  const id = await editor.create(`Keyboard tagging ${Date.now()}`);
  const suggested = await writeAndWaitForSuggestions(page, editor);
  const items = knownSuggestions(page);

  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.first()).toBeFocused();

  const firstName = await nameOf(items.first());
  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  const secondName = await nameOf(items.first());
  await page.keyboard.press(' ');
  await expect(items.first()).toBeFocused();
  const thirdName = await nameOf(items.first());
  await page.keyboard.press('Delete');

  await expect(items).toHaveCount(suggested.length - 3);
  await editor.waitSaved();
  expect(taggedNames(id)).toEqual([firstName, secondName].sort());
  await expect.poll(() => dismissedNames(id)).toEqual([thirdName]);

  // Past the last suggestion, focus stays in the panel, on its heading.
  await items.last().focus();
  const remaining = await items.count();
  for (let step = 0; step < remaining; step++) await page.keyboard.press('Delete');
  await expect(items).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Tag suggestions' })).toBeFocused();
});

async function writeAndWaitForSuggestions(page: Page, editor: EditorPage): Promise<string[]> {
  await editor.body.click();
  await page.keyboard.type(TEXT_NAMING_ENTITIES);
  await page.getByRole('tab', { name: 'Tags' }).click();
  const items = knownSuggestions(page);
  await expect(items.first()).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
  const names = await Promise.all((await items.all()).map(nameOf));
  return names;
}

function suggestionsList(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Tags' }).getByRole('list', { name: 'Suggested tags' });
}

/** Suggestions of entities the knowledge base knows (new names are listed apart). */
function knownSuggestions(page: Page): Locator {
  return suggestionsList(page).getByRole('listitem', { name: /^Suggestion: / });
}

async function nameOf(item: Locator): Promise<string> {
  return ((await item.getAttribute('aria-label')) ?? '').replace(/^Suggestion: /, '');
}

async function expectInViewport(page: Page, locators: Locator[]): Promise<void> {
  const viewport = page.viewportSize()!;
  for (const locator of locators) {
    const box = await locator.boundingBox();
    expect(box, `${locator} is rendered`).not.toBeNull();
    expect(box!.y, `${locator} starts below the top`).toBeGreaterThanOrEqual(0);
    expect(box!.y + Math.min(box!.height, 40), `${locator} starts above the fold`).toBeLessThanOrEqual(viewport.height);
    expect(box!.x + box!.width, `${locator} fits across`).toBeLessThanOrEqual(viewport.width);
  }
}

/** Distinct tops of the toolbar's visible buttons: one row has one. */
async function rowsOf(toolbar: Locator): Promise<number> {
  return toolbar.evaluate((element) => {
    const tops = [...element.querySelectorAll('button')]
      .filter((button) => button.offsetParent !== null && !button.closest('[role="menu"]'))
      .map((button) => Math.round(button.getBoundingClientRect().top));
    return new Set(tops).size;
  });
}

function withDatabase<T>(read: (database: Database.Database) => T): T {
  const database = new Database(DEMO_SERVER.databasePath, { readonly: true, fileMustExist: true });
  try {
    return read(database);
  } finally {
    database.close();
  }
}

function taggedNames(articleId: number): string[] {
  return withDatabase((database) =>
    (database.prepare('select e.name from article_entities ae join entities e on e.id = ae.entity_id where ae.article_id = ? order by e.name').all(articleId) as { name: string }[]).map((row) => row.name),
  );
}

function dismissedNames(articleId: number): string[] {
  return withDatabase((database) =>
    (
      database
        .prepare("select e.name from article_dismissed_suggestions d join entities e on 'entity:' || e.id = d.suggestion_key where d.article_id = ? order by e.name")
        .all(articleId) as { name: string }[]
    ).map((row) => row.name),
  );
}
