import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { makePng } from './support/make-image';
import { readDemoDatabase } from './support/read-demo-database';
import { VERSIONED_SERVER } from './support/servers';
import { newStaffPage, signInAs } from './support/staff-session';

test.describe.configure({ timeout: 90_000 });

/** Opens each revision on the history page in turn and returns its rendered text, newest first. */
async function revisionTexts(page: Page): Promise<{ version: number; text: string }[]> {
  const labels = await page.getByRole('link', { name: /^View version \d+$/ }).evaluateAll((links) => links.map((link) => link.getAttribute('aria-label') ?? ''));
  const texts: { version: number; text: string }[] = [];
  for (const label of labels) {
    const version = Number(label.replace('View version ', ''));
    await page.getByRole('link', { name: label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Version ${version}`, exact: true })).toBeVisible();
    texts.push({ version, text: (await page.locator('.history-detail .article-body').textContent()) ?? '' });
  }
  return texts;
}

test('every kind of block survives a save and a reload', async ({ page }) => {
  await signInAs(page, 'author');
  const editor = new EditorPage(page);
  await editor.create('Blocks of every kind');
  await editor.body.click();

  await editor.typeParagraph('Background');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Five states');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' said they would ');
  await page.keyboard.press('Control+I');
  await page.keyboard.type('leave');
  await page.keyboard.press('Control+I');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Water is H');
  await editor.tool('Subscript');
  await page.keyboard.type('2');
  await editor.tool('Subscript');
  await page.keyboard.type('O over 10 km');
  await editor.tool('Superscript');
  await page.keyboard.type('2');
  await editor.tool('Superscript');
  await page.keyboard.type(' and ');
  await editor.tool('Strikethrough');
  await page.keyboard.type('withdrawn');
  await editor.tool('Strikethrough');
  await page.keyboard.press('Enter');
  for (const line of ['First bullet', 'First step', 'A quoted passage.', 'The norm is only as strong as its weakest party.', 'See the agency report', 'Cross reference: ', 'A claim with a note']) {
    await editor.typeParagraph(line);
  }
  await page.keyboard.type('---');
  await editor.tool('Table');
  await page.keyboard.type('State');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Status');

  await page.getByText('Background', { exact: true }).click();
  await editor.tool('Heading 2');
  await page.getByText('First bullet').click();
  await editor.tool('Bulleted list');
  await page.getByText('First step').click();
  await editor.tool('Numbered list');
  await page.getByText('A quoted passage.').click();
  await editor.tool('Quotation');
  await page.getByText('The norm is only as strong').click();
  await editor.tool('Pull quote');

  await page.getByText('See the agency report').click({ clickCount: 3 });
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link', exact: true }).click();
  await page.getByLabel('Link address').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Apply link' }).click();
  await expect(page.getByText('Use a web address starting with https://')).toBeVisible();
  await page.getByLabel('Link address').fill('https://www.iaea.org/');
  await page.getByRole('button', { name: 'Apply link' }).click();

  await page.getByText('Cross reference:').click();
  await page.keyboard.press('End');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link to our articles' }).click();
  await page.getByLabel('Search our articles and issues').fill('April 2025');
  await page.getByRole('button', { name: /April 2025/ }).first().click();

  await page.getByText('A claim with a note').click();
  await page.keyboard.press('End');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Footnote' }).click();
  await page.getByLabel('Footnote text').fill('Landmine Monitor 2024, p. 12.');
  await page.getByRole('button', { name: 'Insert footnote' }).click();

  await editor.waitSaved();
  await page.reload();
  await expect(editor.body).toBeVisible();
  const body = editor.body;
  await expect(body.locator('h2')).toHaveText('Background');
  await expect(body.locator('strong')).toHaveText('Five states');
  await expect(body.locator('em')).toHaveText('leave');
  await expect(body.locator('sub')).toHaveText('2');
  await expect(body.locator('sup').filter({ hasText: '2' })).toHaveCount(1);
  await expect(body.locator('s')).toHaveText('withdrawn');
  await expect(body.locator('ul > li')).toHaveText('First bullet');
  await expect(body.locator('ol > li')).toHaveText('First step');
  await expect(body.locator('blockquote')).toHaveText('A quoted passage.');
  await expect(body.locator('.pull-quote')).toContainText('The norm is only as strong as its weakest party.');
  await expect(body.locator('a[href="https://www.iaea.org/"]')).toHaveText('See the agency report');
  await expect(body.locator('a[href="/issues/2025-04"]')).toHaveText('April 2025');
  await expect(body.locator('.footnote-ref')).toHaveAttribute('data-note', 'Landmine Monitor 2024, p. 12.');
  await expect(body.locator('hr')).toHaveCount(1);
  await expect(body.locator('table th, table td').first()).toHaveText('State');
  await expect(body.locator('table')).toContainText('Status');
});

test.describe('with live co-editing off', () => {
  // The versioned save: two saves meet in a conflict, and unsent changes are offered back after a reload.
  test.use({ baseURL: VERSIONED_SERVER.url });

  test('two people editing at once: the later save gets a conflict, and both texts stay in the history', async ({ page, browser }) => {
    await signInAs(page, 'editor');
    const mine = new EditorPage(page);
    const id = await mine.create('Edited by two');
    await mine.body.click();
    await mine.typeParagraph('Opening line.');
    await mine.waitSaved();

    const otherPage = await newStaffPage(browser, 'admin');
    const theirs = new EditorPage(otherPage);
    await theirs.open(id);
    await expect(otherPage.getByText('Also editing now: Miriam Kovacs')).toBeVisible({ timeout: 20_000 });

    await theirs.endOfBody();
    await otherPage.keyboard.type('Their addition about Finland.');
    await theirs.waitSaved();

    await mine.endOfBody();
    await page.keyboard.type('My addition about Poland.');
    await expect(mine.status).toHaveText('Conflict', { timeout: 15_000 });
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Dana Whitfield');
    const result = dialog.getByRole('region', { name: 'Merged result' });
    await dialog.getByRole('button', { name: 'All theirs' }).click();
    await expect(result).toContainText('Their addition about Finland.');
    await dialog.getByRole('button', { name: 'All mine' }).click();
    await expect(result).toContainText('My addition about Poland.');
    await dialog.getByRole('button', { name: 'Save this text' }).click();
    await mine.waitSaved();

    await page.goto(`/desk/articles/${id}/history`);
    const texts = (await revisionTexts(page)).map((revision) => revision.text);
    expect(texts.some((text) => text.includes('Their addition about Finland.'))).toBe(true);
    expect(texts.some((text) => text.includes('My addition about Poland.'))).toBe(true);
    await otherPage.context().close();
  });

  test('changes that never reached the server are offered back after a reload', async ({ page, context }) => {
    await signInAs(page, 'author');
    const editor = new EditorPage(page);
    await editor.create('Kept on this device');
    await editor.body.click();
    await context.setOffline(true);
    await page.keyboard.type('Unsent words.');
    await expect(editor.status).toHaveText('Offline — kept on this device', { timeout: 15_000 });
    // The server stays out of reach for saves while the page reloads, as if the connection were still down.
    await context.route('**/api/desk/articles/*', (route) => (route.request().method() === 'PUT' ? route.abort() : route.continue()));
    await context.setOffline(false);
    await page.reload();
    await expect(page.getByText('This device has changes to this article that were not saved')).toBeVisible();
    await context.unroute('**/api/desk/articles/*');
    await page.getByRole('button', { name: 'Restore them' }).click();
    await expect(editor.body).toContainText('Unsent words.');
    await editor.waitSaved();
  });
});

test('typed keys are applied by the editor itself, with input rules and marks, and stored as typed', async ({ page }) => {
  await signInAs(page, 'author');
  const editor = new EditorPage(page);
  const id = await editor.create('Keys typed one by one');
  await editor.body.click();
  // Counts the browser's own text insertions: a key typed at a text caret should not need one.
  await page.evaluate(() => {
    const counted = window as unknown as { __browserInsertions: number };
    counted.__browserInsertions = 0;
    document.addEventListener('beforeinput', (event) => {
      if (event.inputType === 'insertText') counted.__browserInsertions += 1;
    }, { capture: true });
  });

  await page.keyboard.type('## Where the treaty stands');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ratified by **five** states so far');
  // Two words selected inside the paragraph are replaced by what is typed next.
  for (let step = 0; step < 'so far'.length; step++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.type('in 2024.');
  expect(await page.evaluate(() => (window as unknown as { __browserInsertions: number }).__browserInsertions)).toBe(0);

  // Text a keyboard sends without key presses (a phone's keyboard, a finished composition) goes the browser's way, and lands too.
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Vérifié à Genève.');
  expect(await page.evaluate(() => (window as unknown as { __browserInsertions: number }).__browserInsertions)).toBe(1);

  await expect(editor.body.locator('h2')).toHaveText('Where the treaty stands');
  await expect(editor.body.locator('p').first()).toHaveText('Ratified by five states in 2024.');
  await expect(editor.body.locator('p strong')).toHaveText('five');
  await editor.waitSaved();
  const stored = readDemoDatabase((database) => JSON.parse((database.prepare('select body from articles where id = ?').get(id) as { body: string }).body) as { content: { type: string; content?: { text: string; marks?: { type: string }[] }[] }[] });
  const blocks = stored.content.map((block) => ({ type: block.type, text: (block.content ?? []).map((child) => child.text).join('') }));
  expect(blocks).toEqual([
    { type: 'heading', text: 'Where the treaty stands' },
    { type: 'paragraph', text: 'Ratified by five states in 2024.' },
    { type: 'paragraph', text: 'Vérifié à Genève.' },
  ]);
  expect(stored.content[1]!.content!.filter((child) => child.marks?.some((mark) => mark.type === 'bold')).map((child) => child.text)).toEqual(['five']);
});

test('typing offline keeps the text on the device and saves it when the connection returns', async ({ page, context }) => {
  await signInAs(page, 'author');
  const editor = new EditorPage(page);
  const id = await editor.create('Written on a train');
  await editor.body.click();
  await editor.typeParagraph('Online start.');
  await editor.waitSaved();

  await context.setOffline(true);
  await page.keyboard.type('Typed in a tunnel.');
  await expect(editor.status).toHaveText('Offline — kept on this device', { timeout: 15_000 });
  await context.setOffline(false);
  await editor.waitSaved();

  await page.goto(`/desk/articles/${id}`);
  await expect(editor.body).toContainText('Typed in a tunnel.');
});

test('an uploaded image shows its alt text and caption in the preview', async ({ page, request }) => {
  await signInAs(page, 'author');
  const editor = new EditorPage(page);
  await editor.create('With a photograph');
  await editor.body.click();
  await editor.typeParagraph('Deminers at work.');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Image' }).click();
  await page.getByLabel('Image file').setInputFiles({ name: 'demining.png', mimeType: 'image/png', buffer: await makePng() });
  await page.getByLabel(/^Alt text/).fill('Two deminers kneel in a cleared field');
  await page.getByLabel('Caption').fill('Clearance near the border, 2024.');
  await page.getByLabel('Credit').fill('Masthead staff');
  await page.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(editor.body.locator('img')).toHaveAttribute('alt', 'Two deminers kneel in a cleared field');

  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = await popupPromise;
  await expect(preview.getByRole('heading', { level: 1, name: 'With a photograph' })).toBeVisible();
  const image = preview.getByRole('img', { name: 'Two deminers kneel in a cleared field' });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('srcset', /w480\.webp 480w/);
  await expect(preview.locator('figcaption')).toContainText('Clearance near the border, 2024.');
  await expect(preview.locator('figcaption')).toContainText('Masthead staff');
  // Figures load lazily: once scrolled to, the resized copy arrives and decodes.
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => (element.complete ? element.naturalWidth : 0)), { timeout: 10_000 }).toBeGreaterThan(0);

  // A draft's images are for staff only, at every address; so is any original, with its camera metadata.
  const mediaId = await preview.locator('figure').getAttribute('data-media-id');
  const copyAddress = (await image.getAttribute('src'))!;
  expect((await request.get(copyAddress)).status()).toBe(404);
  expect((await request.get(`/api/media/${mediaId}/w480.webp`)).status()).toBe(404);
  const copy = await page.request.get(copyAddress);
  expect(copy.status()).toBe(200);
  expect(copy.headers()['cache-control']).toBe('private, max-age=3600');
  expect((await request.get(`/api/media/${mediaId}/original.png`)).status()).toBe(404);
  expect((await page.request.get(`/api/media/${mediaId}/original.png`)).status()).toBe(200);
  expect((await request.get(`/api/media/${mediaId}/..%2F..%2Fmasthead.db`)).status()).toBe(404);

  const refused = await page.request.post('/api/desk/media', {
    multipart: { file: { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just some text, not a picture') } },
  });
  expect(refused.status()).toBe(415);
  expect((await refused.json()).error).toContain('not an image');
});

test('restoring an old revision brings its text back as a new version', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  const id = await editor.create('Restorable');
  await editor.body.click();
  await page.keyboard.type('The original wording.');
  // The server saves the shared text within seconds; Save then files it as a version of its own.
  await expect.poll(() => workingText(id), { timeout: 15_000 }).toBe('The original wording.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await editor.waitSaved();
  await editor.body.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('A rewrite nobody liked.');
  await expect.poll(() => workingText(id), { timeout: 15_000 }).toBe('A rewrite nobody liked.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await editor.waitSaved();

  await page.goto(`/desk/articles/${id}/history`);
  const original = (await revisionTexts(page)).find((revision) => revision.text.includes('The original wording.'));
  expect(original).toBeDefined();
  // The newest two can hold the same text (the server's autosave of the shared text, then Save): compare from the original.
  await page.goto(`/desk/articles/${id}/history`);
  await page.getByRole('radio', { name: `Compare from version ${original!.version}`, exact: true }).check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  await expect(page.locator('.revision-diff del')).toContainText('original');
  await expect(page.locator('.revision-diff ins')).toContainText('rewrite');
  await page.getByRole('link', { name: `View version ${original!.version}`, exact: true }).click();
  await expect(page.locator('.history-detail .article-body')).toHaveText('The original wording.');
  await page.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: /Restored version \d+/ })).toBeVisible();

  await editor.open(id);
  await expect(editor.body).toHaveText('The original wording.');
});

test('someone without access to an article gets a 404, and the save endpoint refuses them', async ({ page, browser, request }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  const id = await editor.create('Editors only draft');
  const author = await newStaffPage(browser, 'author');
  const response = await author.goto(`/desk/articles/${id}`);
  expect(response?.status()).toBe(404);
  const save = await author.request.put(`/api/desk/articles/${id}`, { data: { baseVersion: 1, reason: 'save' } });
  expect(save.status()).toBe(404);
  const anonymous = await request.put(`/api/desk/articles/${id}`, { data: { baseVersion: 1, reason: 'save' } });
  expect(anonymous.status()).toBe(401);
  await author.context().close();
});

test('an image pasted or dropped into the text is uploaded and becomes a figure', async ({ page }) => {
  await signInAs(page, 'author');
  const editor = new EditorPage(page);
  await editor.create('Pasted and dropped pictures');
  await editor.body.click();
  await editor.typeParagraph('Before the pictures.');
  const png = [...(await makePng({ width: 640, height: 400 }))];
  for (const eventType of ['paste', 'drop'] as const) {
    await editor.body.evaluate(
      (element, { bytes, type }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], `${type}.png`, { type: 'image/png' }));
        const box = element.getBoundingClientRect();
        const event =
          type === 'paste'
            ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
            : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, clientX: box.left + 20, clientY: box.top + 10 });
        element.dispatchEvent(event);
      },
      { bytes: png, type: eventType },
    );
  }
  await expect(editor.body.locator('figure img')).toHaveCount(2);
  for (const image of await editor.body.locator('figure img').all()) {
    await expect(image).toHaveAttribute('src', /^\/api\/media\/\d+-[\w-]+\/w480\.png$/);
  }
  await editor.waitSaved();
});

test('the editor page is headed by the article’s title, and only an editor may choose its issue', async ({ page, browser }) => {
  await signInAs(page, 'author');
  const author = new EditorPage(page);
  const id = await author.create('Headed by its title');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit article: Headed by its title');
  await author.showPanel('Details');
  await expect(page.getByLabel('Issue', { exact: true })).toBeDisabled();
  await expect(page.getByText('Editors choose the issue an article appears in.')).toBeVisible();

  const editorPage = await newStaffPage(browser, 'editor');
  await new EditorPage(editorPage).open(id);
  await expect(editorPage.getByRole('heading', { level: 1 })).toHaveText('Edit article: Headed by its title');
  await expect(editorPage.getByLabel('Issue', { exact: true })).toBeEnabled();
});

function workingText(id: number): string {
  return readDemoDatabase((database) => (database.prepare('SELECT body_text AS bodyText FROM articles WHERE id = ?').get(id) as { bodyText: string }).bodyText);
}
