import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { readDemoDatabase } from './support/read-demo-database';
import { timeFieldOf } from './support/desk-controls';
import { signInAs } from './support/staff-session';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function workflow(page: Page) {
  return page.getByRole('region', { name: 'Workflow' });
}

/** An editor's own article, complete and approved, ready to be scheduled. Returns its id. */
async function approvedArticle(page: Page, title: string): Promise<number> {
  const editor = new EditorPage(page);
  const id = await editor.create(title);
  await page.getByLabel('Dek').fill('Delegations return to the table after a year apart.');
  const details = await editor.showPanel('Details');
  const section = details.getByRole('combobox', { name: 'Section', exact: true });
  await section.fill('New');
  await page.keyboard.press('Enter');
  await expect(section).toHaveValue('News');
  await editor.body.click();
  await page.keyboard.type('Negotiators met in Vienna, the capital of ');
  await page.keyboard.type('@Austri');
  await expect(page.getByRole('listbox', { name: 'Entities' }).getByRole('option').first()).toContainText('Austria');
  await page.keyboard.press('Enter');
  await page.keyboard.type(', and agreed on the order of business for the review conference.');
  await editor.waitSaved();
  await editor.showPanel('Workflow');
  for (const [action, status] of [
    ['Submit for review', 'In review'],
    ['Approve', 'Approved'],
  ] as const) {
    await workflow(page).getByRole('button', { name: action, exact: true }).click();
    await expect(page.getByTestId('workflow-status')).toHaveText(status);
  }
  return id;
}

function articleRow(id: number) {
  return readDemoDatabase((database) =>
    database.prepare('SELECT status, section_id AS sectionId, scheduled_for AS scheduledFor FROM articles WHERE id = ?').get(id) as {
      status: string;
      sectionId: number | null;
      scheduledFor: number | null;
    },
  );
}

test('a section is chosen in the details panel by typing part of its name and pressing Enter, and saved', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  const id = await editor.create(`Section by typing ${Date.now()}`);
  const details = await editor.showPanel('Details');
  const section = details.getByRole('combobox', { name: 'Section', exact: true });

  await section.click();
  await expect(section).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.type('eatu');
  const list = page.getByRole('listbox', { name: 'Section' });
  await expect(list.getByRole('option')).toHaveText(['Features']);
  await page.keyboard.press('Enter');
  await expect(section).toHaveValue('Features');
  await expect(section).toHaveAttribute('aria-expanded', 'false');
  await editor.waitSaved();

  const saved = articleRow(id);
  const sectionName = readDemoDatabase((database) => (database.prepare('SELECT name FROM sections WHERE id = ?').get(saved.sectionId) as { name: string } | undefined)?.name);
  expect(sectionName).toBe(await section.inputValue());

  // A search that finds nothing says so, and Escape puts the chosen section back.
  await section.fill('zzz');
  await expect(details.getByText('No match')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(section).toHaveValue('Features');
  await expect(section).toBeFocused();
});

test('a role is chosen with the keyboard alone, and the invited person gets that role', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/desk/staff');
  const form = page.getByRole('form', { name: 'Invite someone' });
  const email = `keyboard-role-${Date.now()}@demo.masthead`;
  await form.getByLabel('Name').focus();
  await page.keyboard.type('Keyboard Only');
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  const role = form.getByRole('combobox', { name: 'Role' });
  await expect(role).toBeFocused();
  await expect(role).toHaveValue('author');

  await page.keyboard.press('ArrowDown');
  const options = page.getByRole('listbox', { name: 'Role' }).getByRole('option');
  await expect(options).toHaveText(['author', 'editor', 'admin']);
  await page.keyboard.press('End');
  await expect(role).toHaveAttribute('aria-activedescendant', (await options.nth(2).getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  await expect(role).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(role).toHaveValue('editor');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Send invitation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toContainText('Invited Keyboard Only');

  const stored = readDemoDatabase((database) => database.prepare('SELECT role FROM users WHERE email = ?').get(email) as { role: string } | undefined);
  expect(stored?.role).toBe('editor');
});

test('an article is scheduled with the date picker, by typing a date and by moving through the calendar', async ({ page }) => {
  await signInAs(page, 'editor');
  const id = await approvedArticle(page, `Scheduled by calendar ${Date.now()}`);
  await workflow(page).getByRole('button', { name: 'Schedule…' }).click();
  const dateField = workflow(page).getByLabel(/^Publish at/);
  const timeField = timeFieldOf(dateField);
  await expect(dateField.locator('..').getByText('UTC time')).toBeVisible();

  const year = new Date().getUTCFullYear() + 1;
  await dateField.fill(`3/5/${year}`);
  await timeField.fill('9.30');
  await timeField.blur();
  await expect(dateField).toHaveValue(`3 May ${year}`);
  await expect(timeField).toHaveValue('09:30');

  await dateField.locator('..').getByRole('button', { name: 'Choose the date from a calendar' }).click();
  const calendar = page.getByRole('dialog', { name: `May ${year}` });
  await expect(calendar.getByRole('button', { name: `3 May ${year}`, exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('dialog', { name: `June ${year}` }).getByRole('button', { name: `11 June ${year}`, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  // The calendar closes; the schedule form's own dialog stays open.
  await expect(page.getByRole('dialog', { name: new RegExp(` ${year}$`) })).toHaveCount(0);
  await expect(dateField).toHaveValue(`11 June ${year}`);

  // What the picker shows, read before the form closes on success.
  const [day, monthName, shownYear] = (await dateField.inputValue()).split(' ');
  const [hour, minute] = (await timeField.inputValue()).split(':').map(Number);
  await workflow(page).getByRole('button', { name: 'Schedule publication' }).click();
  await expect(page.getByTestId('workflow-status')).toHaveText('Scheduled');
  const stored = articleRow(id);
  expect(stored.status).toBe('scheduled');
  expect(stored.scheduledFor).toBe(Date.UTC(Number(shownYear), MONTHS.indexOf(monthName!), Number(day), hour, minute));
});

test('a date that does not exist is named in an error and nothing is scheduled', async ({ page }) => {
  await signInAs(page, 'editor');
  const id = await approvedArticle(page, `Scheduled on no day ${Date.now()}`);
  await workflow(page).getByRole('button', { name: 'Schedule…' }).click();
  const dateField = workflow(page).getByLabel(/^Publish at/);
  const year = new Date().getUTCFullYear() + 1;
  await dateField.fill(`31 February ${year}`);
  await timeFieldOf(dateField).fill('09:30');
  await workflow(page).getByRole('button', { name: 'Schedule publication' }).click();

  await expect(workflow(page).getByRole('alert').filter({ hasText: `February ${year} has no day 31.` })).toBeVisible();
  await expect(dateField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('workflow-status')).toHaveText('Approved');
  const stored = articleRow(id);
  expect(stored).toMatchObject({ status: 'approved', scheduledFor: null });
});
