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
  // One page for everyone, sent without scripts (docs/adr/015): it may run none, and no nonce is handed to many readers.
  expect(headers['content-security-policy']).toContain("script-src 'none';");
  expect(headers['content-security-policy']).toContain("require-trusted-types-for 'script'");
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

test('the home page, an issue and an article are sent without scripts, and read and link the same without JavaScript', async ({ browser }) => {
  const loaded: string[] = [];
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') loaded.push(request.url());
    });
    for (const path of ['/', '/issues/2025-04']) {
      const response = await page.goto(path);
      expect(response?.headers()['x-masthead-page'], path).toBe('kept');
      expect(response?.headers()['content-security-policy'], path).toContain("script-src 'none'");
      // Structured data stays: it is a data block, not code.
      expect(await page.locator('script:not([type="application/ld+json"])').count(), `${path}: script elements`).toBe(0);
    }
    // A demo article, reached by links from the April 2025 issue (other tests publish short articles that may lead "Latest").
    await page.getByRole('link', { name: 'Finland Moves to Prepare Withdrawal From the Mine Ban Treaty' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Finland Moves to Prepare Withdrawal From the Mine Ban Treaty');
    expect(await page.locator('.article-body p').count()).toBeGreaterThan(2);
    expect(await page.locator('script:not([type="application/ld+json"])').count(), 'article: script elements').toBe(0);
    await context.close();
  }
  expect(loaded, 'script files loaded').toEqual([]);
});

test('an unknown address is a friendly 404 with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page-anywhere');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'We cannot find that page' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'The front page' })).toHaveAttribute('href', '/');
});
