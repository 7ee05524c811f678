import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, LoginPage } from './support/login-page';

test('an anonymous visitor is sent from the desk to the sign-in page', async ({ page }) => {
  await page.goto('/desk');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk$/);
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
});

for (const { email, role, name } of [
  { email: 'admin@demo.masthead', role: 'admin', name: 'Dana Whitfield' },
  { email: 'editor@demo.masthead', role: 'editor', name: 'Miriam Kovacs' },
  { email: 'author@demo.masthead', role: 'author', name: 'Tomas Reyes' },
]) {
  test(`the demo ${role} signs in and sees the desk`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.open();
    await login.signIn(email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/desk$/);
    await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
    await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
    await expect(page.getByText(role, { exact: true })).toBeVisible();
    await expect(page.getByRole('row')).not.toHaveCount(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/desk');
    await expect(page).toHaveURL(/\/login/);
  });
}

test('a wrong password is refused with a message', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('editor@demo.masthead', 'not-the-password');
  await expect(page).toHaveURL(/\/login\?error=CredentialsSignin/);
  await expect(login.alert()).toContainText('do not match an active staff account');
  await page.goto('/desk');
  await expect(page).toHaveURL(/\/login/);
});

test('repeated failures for one email are paused, and the page says so', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  // A new address per run: a retry must not start with the first run's failures on record.
  const email = `nobody-${testInfo.retry}-${Date.now()}@demo.masthead`;
  const login = new LoginPage(page);
  await login.open();
  for (let attempt = 0; attempt < 5; attempt++) {
    await login.signIn(email, `guess-${attempt}`);
    await expect(page).toHaveURL(/error=CredentialsSignin/);
  }
  await login.signIn(email, 'guess-again');
  await expect(page).toHaveURL(/\/login\?error=RateLimited/);
  await expect(login.alert()).toContainText('Too many sign-in attempts');
});

test('the sign-in form cannot be sent somewhere outside the desk afterwards', async ({ page }) => {
  await page.goto('/login?callbackUrl=https%3A%2F%2Fevil.example%2F');
  const login = new LoginPage(page);
  await login.signIn('author@demo.masthead', DEMO_PASSWORD);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/desk$/);
});
