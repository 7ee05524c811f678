import { expect, test } from '@playwright/test';
import { signInAs } from './support/staff-session';
import { chooseOption } from './support/desk-controls';

test.describe.configure({ timeout: 60_000 });

test('the knowledge base finds an entity by its alias', async ({ page }) => {
  await signInAs(page, 'editor');
  await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Entities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entities' })).toBeVisible();
  await page.getByLabel('Search names and aliases').fill('ottawa convention');
  await chooseOption(page, /^Kind/, 'Treaties');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: /Mine Ban Treaty/ });
  await expect(row).toContainText('(also: Ottawa Convention)');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Treaty');
  await row.getByRole('link', { name: 'Edit Mine Ban Treaty' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine Ban Treaty' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Aliases' })).toContainText('Ottawa Convention');
  await expect(page.getByRole('list', { name: 'Articles that mention it' }).getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete “Mine Ban Treaty”' })).toBeDisabled();
  await expect(page.getByText(/articles? mentions? it; merge it into another entity instead\./)).toBeVisible();
});

test('a duplicate person is created, given an alias, previewed and merged into the original, and its address follows', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const name = `Donald Franek Tusk ${suffix}`;
  const alias = `D. F. Tusk ${suffix}`;
  await signInAs(page, 'editor');

  await page.goto('/desk/entities');
  await page.getByRole('link', { name: 'New entity' }).click();
  // The fact fields follow the kind once the page is interactive; choose again until they do.
  await expect(async () => {
    await chooseOption(page, /^Kind/, 'Person');
    await expect(page.getByLabel('Role')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Role').fill('Prime Minister of Poland');
  await page.getByLabel('Country (ISO alpha-2 code)').fill('pl');
  await page.getByRole('button', { name: 'Create entity' }).click();
  await expect(page).toHaveURL(/\/desk\/entities\/\d+\?created=1$/);
  await expect(page.getByRole('status').filter({ hasText: `Created “${name}”.` })).toBeVisible();
  await expect(page.getByLabel('Role')).toHaveValue('Prime Minister of Poland');
  await expect(page.getByLabel('Country (ISO alpha-2 code)')).toHaveValue('PL');
  const oldAddress = `/people/donald-franek-tusk-${suffix}`;
  await expect(page.getByText(`public address ${oldAddress}`)).toBeVisible();

  await page.getByLabel('New alias').fill(alias);
  await page.getByRole('button', { name: 'Add alias' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added the alias “${alias}”.` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Aliases' })).toContainText(alias);
  await page.getByLabel('New alias').fill(alias.toUpperCase());
  await page.getByRole('button', { name: 'Add alias' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `This entity already has the alias “${alias}”.` })).toBeVisible();
  await page.getByLabel('New alias').fill(`Mistyped ${suffix}`);
  await page.getByRole('button', { name: 'Add alias' }).click();
  await page.getByRole('button', { name: `Remove the alias Mistyped ${suffix}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Removed the alias “Mistyped ${suffix}”.` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Aliases' })).not.toContainText('Mistyped');

  await page.getByLabel('Find the person to keep').fill('donald tusk');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('link', { name: 'Preview merging into Donald Tusk', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Merge preview' });
  await expect(preview).toContainText(`Merging “${name}” into “Donald Tusk”`);
  await expect(preview).toContainText('No article refers to it.');
  await expect(preview).toContainText(`gains the aliases: ${alias}, ${name}.`);
  await expect(preview).toContainText(`${oldAddress} will lead to /people/donald-tusk`);
  await page.getByRole('button', { name: 'Merge into Donald Tusk' }).click();

  await expect(page).toHaveURL(/\/desk\/entities\/\d+\?merged=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Donald Tusk' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Merged “${name}” into “Donald Tusk”.` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Aliases' })).toContainText(alias);
  await expect(page.getByRole('list', { name: 'Aliases' })).toContainText(name);

  await page.goto(oldAddress);
  await expect(page).toHaveURL(/\/people\/donald-tusk$/);
});

test('an author may add entities but sees existing ones read-only', async ({ page }) => {
  await signInAs(page, 'author');
  await page.goto('/desk/entities?q=russia&kind=country');
  await page.getByRole('link', { name: 'View Russia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Russia' })).toBeVisible();
  await expect(page.getByText('Only editors can change, merge or delete entities')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Merge into/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByLabel('New alias')).toHaveCount(0);
});

test('an author’s new entity waits for an editor’s approval before readers get its page', async ({ page, browser }) => {
  const suffix = Date.now().toString(36);
  const name = `Awaiting Approval ${suffix}`;
  const address = `/topics/awaiting-approval-${suffix}`;
  await signInAs(page, 'author');
  await page.goto(`/desk/entities/new?kind=topic&name=${encodeURIComponent(name)}`);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await page.getByRole('button', { name: 'Create entity' }).click();
  await expect(page).toHaveURL(/\/desk\/entities\/\d+\?created=1$/);
  const entityUrl = page.url().replace(/\?.*$/, '');
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for approval' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Approve/ })).toHaveCount(0);

  const reader = await browser.newPage();
  expect((await reader.goto(address))?.status()).toBe(404);

  const editor = await browser.newPage();
  await signInAs(editor, 'editor');
  await editor.goto('/desk/entities?status=pending');
  await expect(editor.getByRole('row').filter({ hasText: name })).toContainText('Waiting for approval');
  await editor.goto(entityUrl);
  await editor.getByRole('button', { name: `Approve “${name}”` }).click();
  await expect(editor.getByRole('status').filter({ hasText: `Approved “${name}”` })).toBeVisible();

  expect((await reader.goto(address))?.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 1, name })).toBeVisible();
});
