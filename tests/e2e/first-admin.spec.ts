import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EMPTY_SERVER } from './support/servers';

test.use({ baseURL: EMPTY_SERVER.url });

test('a new installation has no demo accounts and offers a one-time form to create the first admin', async ({ page, browser }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('admin@demo.masthead');
  await page.getByLabel('Password').fill('masthead-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('do not match');

  await page.goto('/desk');
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();

  await page.getByLabel('Your name').fill('Ada Founder');
  await page.getByLabel('Email').fill('ada@example.org');
  await page.getByLabel('Password (at least 10 characters)').fill('short');
  await page.getByRole('button', { name: 'Create the administrator' }).click();
  await expect(page.getByText('Use at least 10 characters for the password.')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Ada Founder');

  await page.getByLabel('Password (at least 10 characters)').fill('a long enough password');
  await page.getByRole('button', { name: 'Create the administrator' }).click();
  await expect(page.getByText('Signed in as Ada Founder')).toBeVisible();
  await expect(page.getByText('admin', { exact: true })).toBeVisible();

  // With no AUTH_SECRET in its environment, the server made one in its data folder.
  expect(fs.existsSync(path.join(path.dirname(EMPTY_SERVER.databasePath), 'auth-secret'))).toBe(true);

  // The form is gone for everyone else now.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(`${EMPTY_SERVER.url}/desk`);
  await expect(strangerPage).toHaveURL(/\/login/);
  await stranger.close();
});

test('the empty site still answers readers', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Nothing has been published yet.')).toBeVisible();
});
