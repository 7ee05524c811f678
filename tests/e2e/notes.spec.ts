import { expect, test } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { newStaffPage, signInAs } from './support/staff-session';
import { chooseOption } from './support/desk-controls';

test.describe.configure({ timeout: 90_000 });

const EDITOR_NAME = 'Miriam Kovacs';
const AUTHOR_NAME = 'Tomas Reyes';

test('notes: a passage highlighted, detached when edited away, resolved and reopened; a mention reaches the author’s inbox', async ({ page, browser }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  const title = `Seismic verification ${Date.now()}`;
  const articleId = await editor.create(title);
  await editor.body.click();
  await page.keyboard.type('The moratorium on testing has held for decades. Verification relies on seismic stations across the globe.');
  // The demo author joins the byline, so that a mention can reach them.
  await editor.showPanel('Details');
  await chooseOption(page, 'Add an author', AUTHOR_NAME);
  await editor.waitSaved();

  const notes = page.getByRole('region', { name: 'Notes', exact: true });
  await editor.showPanel('Notes');
  await expect(notes.getByRole('status')).toHaveText('No notes yet.');

  // A note on a selected passage, which the text then highlights.
  await editor.selectText('seismic stations');
  await notes.getByRole('button', { name: 'Comment on the selected passage' }).click();
  await expect(notes.getByText('“seismic stations”')).toBeVisible();
  await notes.getByLabel('Note on the selected passage').fill('Which network? Name it and link the source.');
  await notes.getByRole('button', { name: 'Add note' }).click();
  const thread = notes.getByRole('article', { name: `Note by ${EDITOR_NAME} (you)` }).filter({ hasText: 'Which network?' });
  await expect(thread).toBeVisible();
  await expect(notes.getByRole('status')).toHaveText('1 open thread.');
  await expect(editor.body.locator('.note-anchor')).toHaveText('seismic stations');

  // Clicking the thread's passage selects it in the text.
  await thread.getByRole('button', { name: 'Show the passage: “seismic stations”' }).click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('seismic stations');

  // Edit the passage away: the highlight goes and the thread says it is detached.
  await editor.body.focus();
  await editor.selectText('seismic stations');
  await page.keyboard.type('a network of sensors');
  await expect(editor.body).toContainText('relies on a network of sensors across');
  await expect(thread.getByText('Detached — the passage was edited away')).toBeVisible();
  await expect(editor.body.locator('.note-anchor')).toHaveCount(0);
  await editor.waitSaved();

  // Detached is what the server now holds: a reload still shows it.
  await page.reload();
  await expect(editor.body).toBeVisible();
  await editor.showPanel('Notes');
  await expect(thread.getByText('Detached — the passage was edited away')).toBeVisible();

  // Resolve: the thread leaves the list until resolved threads are shown; then reopen it.
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(notes.getByRole('status')).toHaveText('0 open threads, 1 resolved.');
  await expect(thread).toHaveCount(0);
  await notes.getByLabel('Show resolved').check();
  await expect(thread.getByText('Resolved by you')).toBeVisible();
  await thread.getByRole('button', { name: 'Reopen' }).click();
  await expect(notes.getByRole('status')).toHaveText('1 open thread.');
  await expect(thread.getByText('Resolved by you')).toHaveCount(0);
  await expect(thread.getByRole('button', { name: 'Resolve' })).toBeVisible();

  // Mention the author from the picker in a note on the whole article.
  await notes.getByRole('button', { name: 'Note on the whole article' }).click();
  const field = notes.getByLabel('Note on the whole article');
  await field.fill('Please confirm the station count, @Tomas');
  await notes.getByRole('button', { name: `Mention ${AUTHOR_NAME}` }).click();
  await expect(field).toHaveValue(`Please confirm the station count, @${AUTHOR_NAME} `);
  await field.press('End');
  await field.pressSequentially('before Friday.');
  await notes.getByRole('button', { name: 'Add note' }).click();
  const mentionThread = notes.getByRole('article').filter({ hasText: 'Please confirm the station count' });
  await expect(mentionThread.locator('.note-mention')).toHaveText(`@${AUTHOR_NAME}`);
  await expect(mentionThread.getByText('On the whole article')).toBeVisible();

  // The author's inbox shows the mention, unread, linking to the article.
  const authorPage = await newStaffPage(browser, 'author');
  await authorPage.goto('/desk/inbox');
  const inbox = authorPage.getByRole('list', { name: 'Notifications' });
  const mention = inbox.getByRole('link', { name: `${EDITOR_NAME} mentioned you in a note on “${title}”.` });
  await expect(mention).toBeVisible();
  await expect(mention).toHaveAttribute('href', new RegExp(`^/desk/articles/${articleId}(#note-\\d+)?$`));
  const mentionItem = inbox.getByRole('listitem').filter({ has: authorPage.getByRole('link', { name: `${EDITOR_NAME} mentioned you in a note on “${title}”.` }) });
  await expect(mentionItem).toHaveClass(/inbox-item-unread/);
  await expect(inbox.getByRole('link', { name: `${EDITOR_NAME} added a note on “${title}”.` }).first()).toBeVisible();

  await mention.click();
  await expect(authorPage).toHaveURL(new RegExp(`/desk/articles/${articleId}`));
  const authorNotes = authorPage.getByRole('region', { name: 'Notes', exact: true });
  await expect(authorNotes.getByRole('article').filter({ hasText: 'Please confirm the station count' })).toBeVisible();

  await authorPage.goto('/desk/inbox');
  await expect(authorPage.getByRole('list', { name: 'Notifications' }).getByRole('listitem').filter({ hasText: 'mentioned you' })).not.toHaveClass(/inbox-item-unread/);
  await authorPage.getByRole('button', { name: 'Mark all read' }).click();
  await expect(authorPage.getByRole('main').getByRole('status')).toHaveText('Nothing unread.');
  await authorPage.reload();
  await expect(authorPage.getByRole('main').getByRole('status')).toHaveText('Nothing unread.');
  await authorPage.context().close();
});
