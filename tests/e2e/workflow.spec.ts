import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { newStaffPage } from './support/staff-session';
import { chooseOption, fillDateTime } from './support/desk-controls';

// Scheduling one minute ahead and waiting for the worker makes this the longest journey in the suite.
test.describe.configure({ timeout: 240_000 });

function workflow(page: Page) {
  return page.getByRole('region', { name: 'Workflow' });
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(page.getByTestId('workflow-status')).toHaveText(status, { timeout: 15_000 });
}

/** `YYYY-MM-DDTHH:mm` in UTC (the demo site's time zone), at least a minute from now. */
function wallTimeAMinuteAhead(): string {
  const due = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  return due.toISOString().slice(0, 16);
}

test('an article goes from draft through review and changes to a scheduled publication', async ({ browser }) => {
  const title = `Verification talks resume ${Date.now().toString(36)}`;

  // The author writes a complete draft and submits it.
  const authorPage = await newStaffPage(browser, 'author');
  const author = new EditorPage(authorPage);
  const id = await author.create(title);
  await authorPage.getByLabel('Dek').fill('Inspectors may return within the year, officials say.');
  await author.showPanel('Details');
  await chooseOption(authorPage, 'Section', 'News');
  await author.body.click();
  await authorPage.keyboard.type('Negotiators met in Vienna, the capital of ');
  await authorPage.keyboard.type('@Austri');
  await expect(authorPage.getByRole('listbox', { name: 'Entities' }).getByRole('option').first()).toContainText('Austria');
  await authorPage.keyboard.press('Enter');
  await authorPage.keyboard.type(', to discuss the inspection regime and agreed to meet again. The talks covered the return of inspectors and the data they would share.');
  await author.waitSaved();
  await author.showPanel('Workflow');
  const checklist = workflow(authorPage).getByRole('region', { name: 'Preflight checklist' });
  await expect(checklist).toContainText('Nothing blocks publication.');
  await workflow(authorPage).getByRole('button', { name: 'Submit for review' }).click();
  await expectStatus(authorPage, 'In review');
  // Out of the author's hands while in review: the text is read-only and publishing is not offered.
  await expect(author.body).toHaveAttribute('contenteditable', 'false');
  await expect(workflow(authorPage).getByRole('button', { name: /Approve|Publish/ })).toHaveCount(0);
  const forged = await authorPage.request.post(`/api/desk/articles/${id}/workflow`, { data: { action: 'approve' } });
  expect(forged.status()).toBe(403);

  // The editor asks for changes, with a note.
  const editorPage = await newStaffPage(browser, 'editor');
  const editor = new EditorPage(editorPage);
  await editor.open(id);
  await expectStatus(editorPage, 'In review');
  // A note on the passage that needs work, highlighted in the text for the author.
  await editor.body.click();
  await editor.selectText('the inspection regime');
  await editor.showPanel('Notes');
  const notes = editorPage.getByRole('region', { name: 'Notes', exact: true });
  await notes.getByRole('button', { name: 'Comment on the selected passage' }).click();
  await notes.getByLabel('Note on the selected passage').fill('Which inspections: on-site, or the monitoring stations?');
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(editor.body.locator('.note-anchor')).toHaveText('the inspection regime');
  await editor.showPanel('Workflow');
  await workflow(editorPage).getByRole('button', { name: 'Request changes…' }).click();
  await workflow(editorPage).getByLabel('What needs to change').fill('Name the negotiators and say when they meet next.');
  await workflow(editorPage).getByRole('button', { name: 'Send change request' }).click();
  await expectStatus(editorPage, 'Changes requested');

  // The author hears of it, fixes the text and submits again.
  await authorPage.goto('/desk/inbox');
  await expect(authorPage.getByRole('main')).toContainText(`requested changes to "${title}"`);
  await author.open(id);
  await expectStatus(authorPage, 'Changes requested');
  await expect(author.body.locator('.note-anchor')).toHaveText('the inspection regime');
  await author.showPanel('Notes');
  const authorNotes = authorPage.getByRole('region', { name: 'Notes', exact: true });
  await expect(authorNotes).toContainText('Which inspections: on-site, or the monitoring stations?');
  await expect(authorNotes).toContainText('Changes requested: Name the negotiators');
  await expect(author.body).toHaveAttribute('contenteditable', 'true');
  await author.body.click();
  await authorPage.keyboard.press('Control+End');
  await authorPage.keyboard.type(' They meet again in June.');
  await author.waitSaved();
  await author.showPanel('Workflow');
  await workflow(authorPage).getByRole('button', { name: 'Submit for review' }).click();
  await expectStatus(authorPage, 'In review');

  // Open notes hold approval back; the editor resolves them from the checklist, then approves and schedules it a minute ahead.
  await editor.open(id);
  const editorsChecklist = workflow(editorPage).getByRole('region', { name: 'Preflight checklist' });
  await expect(editorsChecklist).toContainText('Resolve the open note');
  await expect(editorsChecklist).toContainText('Which inspections: on-site, or the monitoring stations?');
  await expect(editorsChecklist.getByRole('button', { name: 'Resolve' })).toHaveCount(2);
  await editorsChecklist.getByRole('button', { name: 'Resolve' }).first().click();
  await expect(editorsChecklist.getByRole('button', { name: 'Resolve' })).toHaveCount(1);
  await editorsChecklist.getByRole('button', { name: 'Resolve' }).click();
  await expect(editorsChecklist).toContainText('Nothing blocks publication.');
  await workflow(editorPage).getByRole('button', { name: 'Approve' }).click();
  await expectStatus(editorPage, 'Approved');
  await workflow(editorPage).getByRole('button', { name: 'Schedule…' }).click();
  await fillDateTime(workflow(editorPage), /Publish at/, wallTimeAMinuteAhead());
  await workflow(editorPage).getByRole('button', { name: 'Schedule publication' }).click();
  await expectStatus(editorPage, 'Scheduled');
  await expect(workflow(editorPage)).toContainText('Publishes at');

  // Not on the site before its time; there within seconds after it.
  const slug = await editorPage.getByLabel('Slug').inputValue();
  const reader = await browser.newPage();
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);
  await expect
    .poll(async () => (await reader.request.get(`/articles/${slug}`)).status(), { timeout: 150_000, intervals: [2_000] })
    .toBe(200);
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.getByRole('article')).toContainText('They meet again in June.');

  await editorPage.reload();
  await expectStatus(editorPage, 'Published');
});
