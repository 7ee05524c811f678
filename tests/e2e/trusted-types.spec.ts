import { expect, test as base, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { WEB_FRAGMENT } from './support/paste-fixtures';
import { signInAs } from './support/staff-session';

type Violation = { directive: string; blocked: string; sample: string; source: string; line: number };

/** Every CSP or Trusted Types violation and script error the page meets, across navigations. */
type Watch = { violations: Violation[]; errors: string[] };

const test = base.extend<{ watch: Watch }>({
  watch: async ({ page }, provide) => {
    const watch: Watch = { violations: [], errors: [] };
    await page.exposeFunction('reportViolationToTest', (violation: Violation) => watch.violations.push(violation));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportViolationToTest: (violation: unknown) => void }).reportViolationToTest;
        report({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample, source: event.sourceFile, line: event.lineNumber });
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy|Trusted ?Type|TrustedHTML|TrustedScript/i.test(message.text())) watch.errors.push(message.text());
    });
    page.on('pageerror', (error) => watch.errors.push(`${error.name}: ${error.message}`));
    await provide(watch);
  },
});

async function expectNoViolations(page: Page, watch: Watch): Promise<void> {
  // Reports are dispatched as tasks; let any pending one arrive before judging.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  expect(watch.violations).toEqual([]);
  expect(watch.errors).toEqual([]);
}

test('every page requires Trusted Types, and every answer allows only our policies and names where violations are reported', async ({ page }) => {
  for (const [path, status] of [['/', 200], ['/search?q=treaty', 200], ['/login', 200], ['/articles/no-such-article-here', 404]] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy, path).toContain('trusted-types default masthead#inert-parse');
    expect(policy, path).toContain('report-to csp-endpoint');
    expect(response?.headers()['reporting-endpoints'], path).toBe('csp-endpoint="/api/csp-report"');
    // Next's 404 for a dynamic page is an empty document filled in by React, which runs none of our
    // scripts and shows no stored content: it gets the header only (see the next test for what it shows).
    if (status === 404) continue;
    const required = await page.evaluate(() => {
      const requirement = document.head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null;
      try {
        document.createElement('script').src = 'https://evil.example/x.js';
        return { requirement, scriptFromElsewhere: 'assigned' };
      } catch (error) {
        return { requirement, scriptFromElsewhere: (error as Error).name };
      }
    });
    // A page that runs scripts requires Trusted Types from its first script; one kept without scripts, in its header.
    const requiredBy = required.requirement === "require-trusted-types-for 'script'" ? 'the page' : policy.includes("require-trusted-types-for 'script'") ? 'the header' : 'nothing';
    expect({ requiredBy, scriptFromElsewhere: required.scriptFromElsewhere }, path).toEqual({ requiredBy: path === '/' ? 'the header' : 'the page', scriptFromElsewhere: 'TypeError' });
  }
});

test('a missing article and a made-up preview link show their own message with no violation', async ({ page, watch }) => {
  expect((await page.goto('/articles/no-such-article-here'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'We cannot find that page' })).toBeVisible();
  await page.getByRole('link', { name: 'Every issue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Issues' })).toBeVisible();
  expect((await page.goto(`/preview/${'y'.repeat(43)}`))?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This preview link does not work' })).toBeVisible();
  await expectNoViolations(page, watch);
});

test('the reader site runs with no violation: home, an issue, search, and an article reached from the results', async ({ page, watch }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'April 2025' })).toBeVisible();
  await page.goto('/issues/2025-04');
  await expect(page.getByRole('heading', { level: 2, name: 'News' })).toBeVisible();

  await page.goto('/search');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('treaty');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status')).toContainText(/articles? match/);
  const firstResult = page.getByRole('region', { name: 'Results' }).locator('a[href^="/articles/"]').first();
  const title = ((await firstResult.textContent()) ?? '').trim();
  // A client-side navigation: React builds the article body from the server's HTML in the browser.
  await firstResult.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const builtInBrowser = await page.locator('.article-body').innerHTML();
  await expectNoViolations(page, watch);
  await page.reload();
  expect(await page.locator('.article-body').innerHTML()).toBe(builtInBrowser);
});

test('the editor works with no violation: typing, pasting a web page with scripts in it, saving', async ({ page, watch }) => {
  await signInAs(page, 'author');
  const editor = new EditorPage(page);
  await editor.create('Written under Trusted Types');
  await editor.body.click();
  await editor.typeParagraph('A first paragraph, typed.');
  await editor.body.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WEB_FRAGMENT);
  await expect(editor.body.getByRole('link', { name: 'UN coordination centre' })).toBeVisible();
  await expect(editor.body.locator('[onclick], script')).toHaveCount(0);
  await editor.waitSaved();
  await page.reload();
  await expect(editor.body).toContainText('A first paragraph, typed.');
  await expect(editor.body).toContainText('Ships left Odesa on Monday');
  await expectNoViolations(page, watch);
});

test('the desk runs with no violation for an editor', async ({ page, watch }) => {
  await signInAs(page, 'editor');
  for (const [path, heading] of [
    ['/desk/issues', 'Issues'],
    ['/desk/entities', 'Entities'],
    ['/desk/media', 'Media'],
    ['/desk/audit', 'Audit log'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: heading, exact: true }).click();
    await expect(page, path).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await expectNoViolations(page, watch);
});

test('a script address from elsewhere is refused, reported, and an unsafe HTML string loses what could run', async ({ page, watch }) => {
  // A page that runs scripts, and so has the default policy (reader pages kept without scripts have neither).
  await page.goto('/search');
  const reported = page.waitForRequest((request) => request.url().endsWith('/api/csp-report') && request.method() === 'POST');
  const outcome = await page.evaluate(() => {
    const script = document.createElement('script');
    let scriptSrc = 'assigned';
    try {
      script.src = 'https://evil.example/x.js';
    } catch (error) {
      scriptSrc = (error as Error).name;
    }
    const box = document.createElement('div');
    box.innerHTML = '<b>kept</b><img src="/x.png" onerror="window.ran = 1"><a href="javascript:alert(1)">link</a><script>window.ran = 2</script>';
    return { scriptSrc, html: box.innerHTML };
  });
  expect(outcome.scriptSrc).toBe('TypeError');
  expect(outcome.html).toBe('<b>kept</b><img src="/x.png"><a>link</a>');
  await expect.poll(() => watch.violations.map((violation) => violation.directive)).toEqual(['require-trusted-types-for']);
  const sent = await reported;
  expect(sent.postDataJSON()).toMatchObject({ 'csp-report': { 'effective-directive': 'require-trusted-types-for', 'blocked-uri': 'trusted-types-sink' } });
  expect((await sent.response())?.status()).toBe(204);
});

test('browser reports are listed for an administrator and refused to an editor, with the reason', async ({ browser }) => {
  const editorPage = await (await browser.newContext()).newPage();
  await signInAs(editorPage, 'editor');
  await editorPage.goto('/desk/security');
  await expect(editorPage.getByText('Only an administrator can see the browsers’ security reports.')).toBeVisible();
  await expect(editorPage.getByRole('table')).toHaveCount(0);

  const adminPage = await (await browser.newContext()).newPage();
  const sent = await adminPage.request.post('/api/csp-report', {
    headers: { 'content-type': 'application/csp-report' },
    data: JSON.stringify({
      'csp-report': { 'document-uri': 'http://127.0.0.1:3100/articles/e2e-report?x=1', 'effective-directive': 'script-src-elem', 'blocked-uri': 'https://evil.example/e2e.js' },
    }),
  });
  expect(sent.status()).toBe(204);
  await signInAs(adminPage, 'admin');
  await adminPage.goto('/desk/settings');
  await adminPage.getByRole('link', { name: 'security reports' }).click();
  const row = adminPage.getByRole('row').filter({ hasText: 'https://evil.example/e2e.js' });
  await expect(row).toContainText('script-src-elem');
  await expect(row).toContainText('http://127.0.0.1:3100/articles/e2e-report');
  await expect(row).not.toContainText('x=1');
});
