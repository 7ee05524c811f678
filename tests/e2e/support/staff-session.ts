import { expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './login-page';

export type DemoRole = 'admin' | 'editor' | 'author';

/** Signs a demo staff member in on this page and waits for the desk. */
export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(`${role}@demo.masthead`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/desk$/);
}

/** A separate browser (its own cookies and storage) signed in as a demo staff member. */
export async function newStaffPage(browser: Browser, role: DemoRole, options: { baseURL?: string } = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}
