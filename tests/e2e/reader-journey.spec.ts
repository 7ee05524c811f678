import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has the focus (as a reader without a mouse would), then Enter. */
async function tabToAndFollow(page: Page, target: Locator): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < 300; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`Tab never reached ${target.toString()}.`);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a reader goes from the home page through an issue, an article, an entity, search and an author with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'April 2025' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The skip link comes first and lands on the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  await tabToAndFollow(page, page.getByRole('heading', { level: 1, name: 'April 2025' }).getByRole('link'));
  await expect(page).toHaveURL(/\/issues\/2025-04$/);
  await expect(page.getByRole('heading', { level: 1, name: 'April 2025' })).toBeVisible();
  await expectNoAxeViolations(page);

  const firstInIssue = page.getByRole('region', { name: 'News' }).getByRole('link').first();
  const articleTitle = ((await firstInIssue.textContent()) ?? '').trim();
  await tabToAndFollow(page, firstInIssue);
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: articleTitle })).toBeVisible();
  await expect(page.getByText(/^From the April 2025 issue$/)).toBeVisible();
  await expectNoAxeViolations(page);

  const chip = page.locator('footer.article-tags').getByRole('link').first();
  const entityName = ((await chip.textContent()) ?? '').trim();
  await tabToAndFollow(page, chip);
  await expect(page).toHaveURL(/\/(countries|treaties|people|organizations|topics)\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: entityName })).toBeVisible();
  await expectNoAxeViolations(page);

  await tabToAndFollow(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }));
  await expect(page).toHaveURL(/\/search/);
  const searchBox = page.getByRole('searchbox').first();
  await searchBox.waitFor();
  for (let presses = 0; presses < 100 && !(await searchBox.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(searchBox).toBeFocused();
  await page.keyboard.type('treaty');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]q=treaty/);
  const firstResult = page.getByRole('main').locator('a[href^="/articles/"]').first();
  await expect(firstResult).toBeVisible();
  await expectNoAxeViolations(page);

  await tabToAndFollow(page, firstResult);
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
  const author = page.locator('article .byline').getByRole('link').first();
  const authorName = ((await author.textContent()) ?? '').trim();
  await tabToAndFollow(page, author);
  await expect(page).toHaveURL(/\/authors\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: authorName })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('every response carries the security headers, and reader pages may be kept by shared caches', async ({ request }) => {
  const home = await request.get('/');
  const headers = home.headers();
  // One page for everyone: its inline scripts are allowed by hash, and no nonce is handed to many readers.
  expect(headers['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*('unsafe-inline'|'nonce-|'strict-dynamic')/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cache-control']).toContain('stale-while-revalidate');

  const login = await request.get('/login');
  expect(login.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(login.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(login.headers()['cache-control']).not.toContain('public');

  const again = await request.get('/');
  expect(again.headers()['content-security-policy']).toBe(headers['content-security-policy']);
  expect(await again.text()).toBe(await home.text());
  const loginAgain = await request.get('/login');
  expect(loginAgain.headers()['content-security-policy'], 'a page rendered per request has its own nonce').not.toBe(login.headers()['content-security-policy']);
});

test('the home page and an article work without JavaScript, and every inline script on them is one the policy lists by hash', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  const inlineScripts = await page.locator('script:not([src]):not([type="application/ld+json"])').evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ''));
  expect(inlineScripts.length).toBeGreaterThan(0);
  const unlisted = inlineScripts.filter((text) => !policy.includes(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`));
  expect(unlisted.map((text) => text.slice(0, 80))).toEqual([]);
  // A demo article, reached by links from the April 2025 issue (other tests publish short articles that may lead "Latest").
  await page.goto('/issues/2025-04');
  await page.getByRole('link', { name: 'Finland Moves to Prepare Withdrawal From the Mine Ban Treaty' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Finland Moves to Prepare Withdrawal From the Mine Ban Treaty');
  expect(await page.locator('.article-body p').count()).toBeGreaterThan(2);
  await context.close();
});

test('an unknown address is a friendly 404 with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page-anywhere');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'We cannot find that page' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'The front page' })).toHaveAttribute('href', '/');
});
