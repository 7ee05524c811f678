import { expect, test } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { signInAs } from './support/staff-session';
import { chooseOption } from './support/desk-controls';

test.describe.configure({ timeout: 90_000 });

test('tagging entities: with @, by selection, from suggestions, and a new person from a candidate', async ({ page }) => {
  await signInAs(page, 'editor');
  const editor = new EditorPage(page);
  const id = await editor.create('Baltic exits from the mine ban');
  await editor.body.click();
  await page.keyboard.type('Poland and Estonia said they would leave the Ottawa Convention. ');
  await page.keyboard.type('Foreign Minister Radoslaw Sikorski said the decision was final, and ');

  // @ opens the picker; Enter takes the highlighted entity.
  await page.keyboard.type('@Finla');
  const menu = page.getByRole('listbox', { name: 'Entities' });
  await expect(menu.getByRole('option').first()).toContainText('Finland');
  await page.keyboard.press('Enter');
  await expect(editor.body.locator('.entity-mention[data-kind="country"]', { hasText: 'Finland' })).toBeVisible();
  await page.keyboard.type('agreed.');

  // Select a word and tag it.
  await editor.selectText('Estonia');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Tag as…' }).click();
  const picker = page.getByRole('group', { name: 'Tag the selected words as' });
  await expect(picker.getByLabel('Tag the selected words as')).toHaveValue('Estonia');
  await picker.getByRole('button', { name: /^Estonia/ }).click();
  await expect(editor.body.locator('.entity-mention', { hasText: 'Estonia' })).toBeVisible();

  // A known alias in the text is suggested; tagging it turns those words into a mention.
  await editor.showPanel('Tags');
  const suggestions = page.getByRole('region', { name: 'Tag suggestions' });
  const mineBan = suggestions.getByRole('listitem', { name: 'Suggestion: Mine Ban Treaty' });
  await expect(mineBan).toBeVisible({ timeout: 15_000 });
  await mineBan.getByRole('button', { name: 'Tag first mention' }).click();
  await expect(editor.body.locator('.entity-mention[data-kind="treaty"]')).toHaveText('Ottawa Convention');

  // Dismissing stays dismissed for this article.
  const poland = suggestions.getByRole('listitem', { name: 'Suggestion: Poland' });
  await expect(poland).toBeVisible();
  await poland.getByRole('button', { name: 'Dismiss Poland' }).click();
  await expect(poland).toHaveCount(0);

  // A name the knowledge base does not know can become a new person, tagged where it stands.
  const candidate = suggestions.getByRole('listitem', { name: 'New name: Radoslaw Sikorski' });
  await expect(candidate).toBeVisible();
  await expect(candidate).toContainText('Foreign Minister');
  await candidate.getByRole('button', { name: 'Add as person' }).click();
  await expect(editor.body.locator('.entity-mention[data-kind="person"]')).toHaveText('Radoslaw Sikorski');

  await editor.waitSaved();
  await page.reload();
  await expect(editor.body.locator('.entity-mention')).toHaveCount(4);
  await editor.showPanel('Tags');
  await expect(page.getByRole('region', { name: 'Tag suggestions' }).getByRole('listitem', { name: 'Suggestion: Poland' })).toHaveCount(0, { timeout: 10_000 });

  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = await popupPromise;
  const chips = preview.locator('.article-tags');
  for (const name of ['Estonia', 'Finland', 'Mine Ban Treaty', 'Radoslaw Sikorski']) await expect(chips).toContainText(name);
  await expect(preview.locator('.article-body .entity-mention')).toHaveCount(4);
  await preview.close();

  // Published, the article is listed on the page of the person just created from the text.
  await page.getByLabel('Dek').fill('Two Baltic states and Finland prepare to leave the landmine treaty.');
  await editor.showPanel('Details');
  await chooseOption(page, 'Section', 'News');
  await editor.waitSaved();
  await editor.publishThroughReview();
  await page.goto('/people/radoslaw-sikorski');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Radoslaw Sikorski');
  await expect(page.getByRole('main').getByRole('link', { name: 'Baltic exits from the mine ban' })).toBeVisible();
  expect(id).toBeGreaterThan(0);
});
