import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { mailedLink } from './support/mailed-link';
import { newStaffPage } from './support/staff-session';
import { chooseOption } from './support/desk-controls';

test.describe.configure({ timeout: 180_000 });

/**
 * The demo server has no SMTP_URL, so mail stays in the outbox, where the reader's links are read as
 * the reader would read them. The worker in the server expands the alert campaign.
 */
test('subscribe, confirm, follow a treaty, get its alert, unsubscribe in one click, then export and delete one’s data', async ({ browser, page }) => {
  const email = `reader-${Date.now()}@example.org`;
  const desk = await newStaffPage(browser, 'admin');

  // Follow the treaty from its page; the page says the same whatever the address.
  await page.goto('/treaties/mine-ban-treaty');
  const box = page.getByRole('complementary', { name: 'Follow this treaty' });
  await box.getByLabel('Email address').fill(email);
  await box.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');

  // Confirm from the emailed link: the link opens a page, the button confirms.
  const confirmUrl = await mailedLink({ to: email, subject: 'Confirm your Masthead subscription', path: '/subscribe/confirm?token=' });
  await page.goto(new URL(confirmUrl).pathname + new URL(confirmUrl).search);
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');

  // An editor publishes an article tagged with the treaty.
  const editorPage = await newStaffPage(browser, 'editor');
  const editor = new EditorPage(editorPage);
  const title = `Stockpiles shrink ${Date.now()}`;
  await editor.create(title);
  await editor.body.click();
  await editorPage.keyboard.type('States parties to the ');
  await editorPage.keyboard.type('@Mine Ban');
  await expect(editorPage.getByRole('listbox', { name: 'Entities' }).getByRole('option').first()).toContainText('Mine Ban Treaty');
  await editorPage.keyboard.press('Enter');
  await editorPage.keyboard.type(' reported smaller stockpiles this year, and destruction continues in several countries.');
  await editorPage.getByLabel('Dek').fill('Stockpiles of anti-personnel mines fell again, the annual reports show.');
  await editor.showPanel('Details');
  await chooseOption(editorPage, 'Section', 'News');
  await editor.waitSaved();
  await editor.publishThroughReview();

  // The alert arrives, with the article's link and a one-click unsubscribe link.
  const articleUrl = await mailedLink({ to: email, subject: `New on Masthead: ${title}`, path: '/articles/' });
  expect(articleUrl).toContain('/articles/');
  const unsubscribeUrl = await mailedLink({ to: email, subject: `New on Masthead: ${title}`, path: '/api/unsubscribe?token=' });

  // One-click unsubscribe: a bare POST, no cookies, no page (RFC 8058).
  const oneClick = await page.request.post(new URL(unsubscribeUrl).pathname + new URL(unsubscribeUrl).search, {
    form: { 'List-Unsubscribe': 'One-Click' },
    headers: { Accept: '*/*' },
  });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toBe('You are unsubscribed from all Masthead email.');

  // Sign in to the account by emailed link.
  await page.goto('/account');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');
  const signInUrl = await mailedLink({ to: email, subject: 'Your link to sign in to Masthead', path: '/account/sign-in?' });
  // A mail scanner opening the link first uses nothing up: the page only offers a button.
  const signInPath = new URL(signInUrl).pathname + new URL(signInUrl).search;
  expect((await page.request.get(signInPath)).status()).toBe(200);
  await page.goto(signInPath);
  await expect(page.getByText(`You are signing in as ${email}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign in to my account' }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(page.getByText('You are unsubscribed: we send you nothing.')).toBeVisible();

  // Download one's data.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download my data (JSON)' }).click();
  const download = await downloading;
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { subscription: { email: string; status: string }; follows: { name: string }[] };
  expect(data.subscription).toMatchObject({ email, status: 'unsubscribed' });
  expect(data.follows.map((follow) => follow.name)).toContain('Mine Ban Treaty');

  // Delete it: the session ends and the address is gone.
  await page.getByLabel(/Yes, delete my subscription/).check();
  await page.getByRole('button', { name: 'Delete my data' }).click();
  await expect(page.getByRole('status')).toHaveText('Your data is deleted. Nothing about you is left with us.');
  await expect(page.getByRole('button', { name: 'Email me a sign-in link' })).toBeVisible();
  await desk.goto('/desk/outbox');
  await expect(desk.getByRole('row').filter({ hasText: email })).toHaveCount(0);
});
