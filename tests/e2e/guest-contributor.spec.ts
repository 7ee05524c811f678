import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editor-page';
import { readDemoDatabase } from './support/read-demo-database';
import { DEMO_SERVER } from './support/servers';
import { newStaffPage, signInAs } from './support/staff-session';

test.describe.configure({ mode: 'serial', timeout: 90_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const REVIEW_REFUSAL = 'Only editors and administrators can approve, merge or delete guest contributors.';
// Letters only, so the slug made from the name is predictable.
const STAMP = Date.now().toString(36).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!);
const TYPED_NAME = `Kelsey Davenprt ${STAMP}`;
const FIXED_NAME = `Kelsey Davenport ${STAMP}`;

type ContributorRow = { id: number; name: string; slug: string; affiliation: string; review_status: string; added_by: number | null; adder_email: string | null; adder_name: string | null };

function contributorNamed(name: string): ContributorRow | undefined {
  return readDemoDatabase(
    (database) =>
      database
        .prepare('select c.id, c.name, c.slug, c.affiliation, c.review_status, c.added_by, u.email as adder_email, u.name as adder_name from contributors c left join users u on u.id = c.added_by where c.name = ?')
        .get(name) as ContributorRow | undefined,
  );
}

test('an author adds a guest from the byline: it joins the byline at once and waits for review', async ({ page }) => {
  await signInAs(page, 'author');
  const editor = new EditorPage(page);
  const articleId = await editor.create(`Guest byline ${STAMP}`);
  const details = await editor.showPanel('Details');

  await details.getByLabel('Add an author').fill(TYPED_NAME);
  await details.getByRole('button', { name: `Add “${TYPED_NAME}” as a guest contributor` }).click();
  const form = details.getByRole('form', { name: 'New guest contributor' });
  await expect(form.getByLabel('Guest’s name')).toHaveValue(TYPED_NAME);

  // A one-letter name is explained, not sent on.
  await form.getByLabel('Guest’s name').fill('K');
  await form.getByRole('button', { name: 'Add guest' }).click();
  await expect(form.getByRole('alert')).toHaveText('Enter the full name, at least 2 characters.');

  await form.getByLabel('Guest’s name').fill(TYPED_NAME);
  await form.getByLabel('Affiliation (optional)').fill('Arms Control Association');
  await form.getByRole('button', { name: 'Add guest' }).click();
  await expect(form).toBeHidden();
  const byline = details.locator('.author-list li');
  await expect(byline.last()).toContainText(TYPED_NAME);
  await editor.waitSaved();

  const row = contributorNamed(TYPED_NAME);
  expect(row).toMatchObject({ affiliation: 'Arms Control Association', review_status: 'pending', adder_email: 'author@demo.masthead' });
  const bylineNames = readDemoDatabase((database) =>
    database.prepare('select c.name from article_authors a join contributors c on c.id = a.contributor_id where a.article_id = ? order by a.position').all(articleId),
  ) as { name: string }[];
  await expect(byline).toHaveText(bylineNames.map((author) => new RegExp(`^${author.name}`)));

  // The same name typed again finds the guest rather than offering a twin.
  await details.getByLabel('Add an author').fill(TYPED_NAME.toUpperCase());
  await expect(details.getByRole('button', { name: /as a guest contributor/ })).toBeHidden();
});

test('an author gets no approve control, and a direct approval is refused with the reason', async ({ page }) => {
  const guest = contributorNamed(TYPED_NAME)!;
  await signInAs(page, 'author');
  await page.goto(`/desk/staff/contributors/${guest.id}`);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(REVIEW_REFUSAL);
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  const answer = await callAction(page, 'approveContributorAction', { contributorId: String(guest.id), name: 'Taken Over', affiliation: '', slug: '' });
  expect(answer).toContain(REVIEW_REFUSAL);
  expect(contributorNamed(TYPED_NAME)).toMatchObject({ review_status: 'pending' });
});

test('an editor sees the guest first with a badge and approves it, correcting the name; the page matches the database', async ({ browser }) => {
  const page = await newStaffPage(browser, 'editor');
  await page.goto('/desk/staff');
  const rows = page.getByRole('table').last().locator('tbody tr');
  const badges = await rows.evaluateAll((found) => found.map((row) => row.textContent?.includes('Awaiting review') ?? false));
  // Every guest awaiting review comes before every reviewed one.
  expect(badges.indexOf(false) === -1 || badges.lastIndexOf(true) < badges.indexOf(false)).toBe(true);
  const guestRow = rows.filter({ hasText: TYPED_NAME });
  await expect(guestRow).toContainText('Awaiting review');
  await expect(guestRow).toContainText('Arms Control Association');

  await guestRow.getByRole('link', { name: `Review ${TYPED_NAME}` }).click();
  const approve = page.getByRole('form', { name: 'Approve' });
  await approve.getByLabel('Name').fill(FIXED_NAME);
  await approve.getByLabel('Slug').fill('');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(page).toHaveURL(/\/desk\/staff\?approved=/);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`Approved ${FIXED_NAME}; their author page is public once an article with their byline is.`);

  const row = contributorNamed(FIXED_NAME)!;
  expect(row).toMatchObject({ review_status: 'approved', slug: TYPED_NAME.toLowerCase().replace(/ /g, '-'), adder_email: 'author@demo.masthead' });
  const approvedRow = page.getByRole('table').last().locator('tbody tr').filter({ hasText: row.name });
  await expect(approvedRow.locator('td')).toHaveText([row.name, row.slug, row.affiliation, new RegExp(`^${row.adder_name}, `), '1', 'Edit']);
  await expect(approvedRow).not.toContainText('Awaiting review');
  await page.context().close();
});

/** Calls a server action as the page's signed-in person would from a crafted request, and returns the answer's text. */
async function callAction(page: Page, name: string, fields: Record<string, string>): Promise<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.filename === 'app/desk/staff/actions.ts' && entry.exportedName === name)?.[0];
  if (!id) throw new Error(`No server action ${name} in the build`);
  const { encodeReply } = (await import('next/dist/compiled/react-server-dom-webpack/client.edge.js' as string)) as { encodeReply: (value: unknown) => Promise<string | FormData> };
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.append(key, value);
  const body = await encodeReply([null, formData]);
  const response = await page.request.post('/desk/staff', {
    headers: { 'Next-Action': id, Accept: 'text/x-component', Origin: DEMO_SERVER.url },
    ...(typeof body === 'string' ? { data: body } : { multipart: body }),
  });
  return response.text();
}
