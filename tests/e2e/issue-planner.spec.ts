import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { newStaffPage } from './support/staff-session';
import { chooseOption } from './support/desk-controls';

// Three drafts are written, reviewed and published through the desk: a long journey.
test.describe.configure({ timeout: 240_000 });

function workflow(page: Page) {
  return page.getByRole('region', { name: 'Workflow' });
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(page.getByTestId('workflow-status')).toHaveText(status, { timeout: 15_000 });
}

/** A complete News draft by the signed-in editor, submitted for review. Returns its id. */
async function writeSubmittedDraft(editor: EditorPage, title: string): Promise<number> {
  const page = editor.page;
  const id = await editor.create(title);
  await page.getByLabel('Dek').fill('Inspectors may return within the year, officials say.');
  await editor.showPanel('Details');
  await chooseOption(page, 'Section', 'News');
  await editor.body.click();
  await page.keyboard.type('Negotiators met in Vienna, the capital of ');
  await page.keyboard.type('@Austri');
  await expect(page.getByRole('listbox', { name: 'Entities' }).getByRole('option').first()).toContainText('Austria');
  await page.keyboard.press('Enter');
  await page.keyboard.type(', to discuss the inspection regime and agreed to meet again. The talks covered the return of inspectors and the data they would share.');
  await editor.waitSaved();
  await editor.showPanel('Workflow');
  await expect(workflow(page).getByRole('region', { name: 'Preflight checklist' })).toContainText('Nothing blocks publication.');
  await workflow(page).getByRole('button', { name: 'Submit for review' }).click();
  await expectStatus(page, 'In review');
  return id;
}

async function approve(editor: EditorPage, id: number): Promise<void> {
  await editor.open(id);
  await workflow(editor.page).getByRole('button', { name: 'Approve' }).click();
  await expectStatus(editor.page, 'Approved');
}

function newsRows(page: Page) {
  return page.getByRole('list', { name: 'News, in order' }).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Move .+ up$/ }) });
}

test('an issue is built from drafts, reordered by keyboard, refused while one article is unapproved, then published in the order set', async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const titles = [`Inspectors return ${stamp}`, `Verification data shared ${stamp}`, `Talks adjourn ${stamp}`] as const;
  const [first, second, third] = titles;
  const page = await newStaffPage(browser, 'editor');
  const editor = new EditorPage(page);

  // Three drafts, all submitted; the editor approves the first two only.
  const ids: number[] = [];
  for (const title of titles) ids.push(await writeSubmittedDraft(editor, title));
  await approve(editor, ids[0]!);
  await approve(editor, ids[1]!);

  // A new issue, dated in the past so it never becomes the home page's current issue.
  await page.goto('/desk/issues/new');
  await page.getByRole('textbox', { name: /^Title/ }).fill(`Test issue ${stamp}`);
  await page.getByLabel('Slug').fill(`test-issue-${stamp}`);
  await page.getByLabel('Volume').fill('99');
  await page.getByLabel('Number', { exact: true }).fill(String((Date.now() % 97) + 1));
  await page.getByLabel('Cover month').fill('2019-06');
  await page.getByRole('button', { name: 'Create issue' }).click();
  await expect(page).toHaveURL(/\/desk\/issues\/\d+\?created=1$/);
  const plannerUrl = page.url().replace(/\?.*$/, '');

  // Add the three drafts from the articles that are in no issue.
  const finder = page.getByRole('search', { name: 'Find articles to add' });
  await finder.getByLabel('Article title').fill(stamp);
  await finder.getByRole('button', { name: 'Find articles' }).click();
  for (const title of titles) {
    await page.getByRole('button', { name: `Add ${title}`, exact: true }).click();
    await expect(newsRows(page).filter({ hasText: title })).toHaveCount(1);
  }
  await expect(newsRows(page)).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'One article blocks publication' })).toContainText(third);

  // Reorder with the keyboard only: the third article moves to the top, announced each time.
  await page.getByRole('button', { name: `Move ${third} up`, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Moved ${third} to position 2 of 3 in News.` })).toBeAttached();
  await expect(page.getByRole('button', { name: `Move ${third} up`, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Moved ${third} to position 1 of 3 in News.` })).toBeAttached();
  await expect(page.getByRole('button', { name: `Move ${third} down`, exact: true })).toBeFocused();
  await expect(newsRows(page).getByRole('link')).toHaveText([third, first, second]);

  // The order was saved: once the planner says so, it is still there after a reload.
  await expect(page.getByTestId('planner-save-state')).toHaveText('Order saved.');
  await page.reload();
  await expect(newsRows(page).getByRole('link')).toHaveText([third, first, second]);

  // Publishing is refused, naming the article that is still in review; nothing is published.
  const publish = page.getByRole('region', { name: 'Publish', exact: true });
  await publish.getByRole('button', { name: 'Publish issue' }).click();
  await expect(publish.getByRole('alert')).toContainText(`This article is not ready: “${third}”`);
  const slug = `test-issue-${stamp}`;
  expect((await page.request.get(`/issues/${slug}`)).status()).toBe(404);

  // The editor approves it, and the issue goes out.
  await approve(editor, ids[2]!);
  await page.goto(plannerUrl);
  await expect(page.getByRole('note').filter({ hasText: 'Nothing blocks publication' })).toBeVisible();
  await page.getByRole('region', { name: 'Publish', exact: true }).getByRole('button', { name: 'Publish issue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published the issue with 3 articles.' })).toBeVisible();

  // Readers see the issue, its News in the order set in the planner.
  const reader = await browser.newPage();
  await reader.goto(`/issues/${slug}`);
  await expect(reader.getByRole('heading', { level: 1, name: `Test issue ${stamp}` })).toBeVisible();
  await expect(reader.getByRole('region', { name: 'News' }).getByRole('heading', { level: 3 })).toHaveText([third, first, second]);
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd).toMatchObject({ '@type': 'PublicationIssue', isPartOf: { '@type': 'PublicationVolume', volumeNumber: '99' } });
  await reader.close();
});
