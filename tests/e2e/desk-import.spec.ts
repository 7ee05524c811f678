import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chooseOption } from './support/desk-controls';
import { readDemoDatabase } from './support/read-demo-database';
import { DEMO_SERVER } from './support/servers';
import { newStaffPage } from './support/staff-session';

type RunRow = { id: number; status: string; error: string | null; counts: string; warnings: string; is_dry_run: number; file_path: string };
type Counts = Record<string, Record<'created' | 'updated' | 'unchanged' | 'skipped' | 'failed', number>>;

const runRow = (id: number) => readDemoDatabase((database) => database.prepare('select id, status, error, counts, warnings, is_dry_run, file_path from import_runs where id = ?').get(id) as RunRow);

async function uploadFromDesk(page: Page, { kind, name, text }: { kind: string; name: string; text: string }): Promise<number> {
  await page.goto('/desk/import');
  const form = page.getByRole('form', { name: 'Import a file' });
  await chooseOption(form, 'What kind of file', kind);
  await form.getByLabel('Export file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await form.getByRole('button', { name: 'Upload and start a dry run' }).click();
  await expect(page).toHaveURL(/\/desk\/import\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** Every number in the report's table is the one the run saved, kind by kind. */
async function expectReportOf(page: Page, counts: Counts): Promise<void> {
  const table = page.getByRole('table', { name: /What (importing would do|was imported)/ });
  for (const [kind, byColumn] of Object.entries(counts)) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kind, exact: true }) });
    for (const [column, value] of Object.entries(byColumn)) await expect(row.locator(`td[data-column="${column}"]`)).toHaveText(value.toLocaleString('en'));
  }
}

test('an admin uploads a subscriber list, watches the dry run reach its report, then imports it for real', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await newStaffPage(browser, 'admin');
  const stamp = Date.now();
  const csv = `email,name,status\nfirst-${stamp}@example.org,First Reader,subscribed\nsecond-${stamp}@example.org,Second Reader,unsubscribed\nnot-an-address,Nobody,subscribed\n`;
  const dryRunId = await uploadFromDesk(admin, { kind: 'Subscribers (.csv)', name: `members-${stamp}.csv`, text: csv });
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Dry run of members-${stamp}.csv`);

  // The stand-in readers and writer fail every run; from here on this needs the subscriber reader and the import writer.
  await expect(admin.getByTestId('import-status')).toHaveText('Finished', { timeout: 30_000 });
  const dryRun = runRow(dryRunId);
  expect(dryRun).toMatchObject({ status: 'done', is_dry_run: 1 });
  await expectReportOf(admin, JSON.parse(dryRun.counts) as Counts);
  const warnings = JSON.parse(dryRun.warnings) as { item: string; message: string }[];
  await expect(admin.getByRole('heading', { name: `Warnings (${warnings.length})` })).toBeVisible();
  for (const warning of warnings) await expect(admin.getByRole('row').filter({ hasText: warning.message })).toContainText(warning.item);
  expect(readDemoDatabase((database) => database.prepare('select count(*) as n from subscribers where email like ?').get(`%-${stamp}@example.org`) as { n: number }).n).toBe(0);

  await admin.getByRole('button', { name: 'Import for real' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Import of members-${stamp}.csv`);
  await expect(admin.getByTestId('import-status')).toHaveText('Finished', { timeout: 30_000 });
  const realId = Number(new URL(admin.url()).pathname.split('/').pop());
  await expectReportOf(admin, JSON.parse(runRow(realId).counts) as Counts);
  const saved = readDemoDatabase((database) => database.prepare('select email, status from subscribers where email like ? order by email').all(`%-${stamp}@example.org`));
  expect(saved).toEqual([
    { email: `first-${stamp}@example.org`, status: 'confirmed' },
    { email: `second-${stamp}@example.org`, status: 'unsubscribed' },
  ]);

  await admin.goto('/desk/import');
  const pastRuns = admin.getByRole('table', { name: 'Past imports' });
  await expect(pastRuns.getByRole('row').filter({ hasText: `members-${stamp}.csv` })).toHaveCount(2);
  await expect(admin.getByRole('link', { name: 'Export everything' })).toHaveAttribute('href', '/desk/export');
});

test('a file the importer cannot read ends the run with the saved sentence on screen, and no way to import it', async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await newStaffPage(browser, 'admin');
  const runId = await uploadFromDesk(admin, { kind: 'WordPress export (WXR, .xml)', name: 'shopping-list.xml', text: 'Milk, bread, eggs.\n' });
  await expect(admin.getByTestId('import-status')).toHaveText('Failed', { timeout: 30_000 });
  const run = runRow(runId);
  expect(run.status).toBe('failed');
  expect(run.error).toBeTruthy();
  await expect(admin.getByRole('main').getByRole('alert')).toHaveText(`The import stopped: ${run.error}`);
  await expect(admin.getByRole('button', { name: 'Import for real' })).toHaveCount(0);
});

test('an export larger than the proxy’s 10 MB body limit arrives whole', async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await newStaffPage(browser, 'admin');
  const body = Buffer.alloc(11 * 1024 * 1024 + 17, ' ');
  const answer = await admin.request.post('/api/desk/import/upload?source=ghost&fileName=large.json&fetchImages=no', {
    data: body,
    headers: { 'Content-Type': 'application/octet-stream', Origin: DEMO_SERVER.url },
  });
  expect(answer.status()).toBe(201);
  const { run } = (await answer.json()) as { run: { id: number } };
  const row = runRow(run.id);
  expect(row.is_dry_run).toBe(1);
  expect(fs.statSync(row.file_path).size).toBe(body.length);
});

test('an editor is refused the import page and the upload with the reason; an admin gets the form', async ({ browser }) => {
  const editor = await newStaffPage(browser, 'editor');
  await editor.goto('/desk/import');
  await expect(editor.getByRole('main').getByRole('alert')).toContainText('Only administrators can import into the archive.');
  await expect(editor.getByRole('form', { name: 'Import a file' })).toHaveCount(0);
  const refused = await editor.request.post('/api/desk/import/upload?source=subscribers&fileName=x.csv', { data: 'email\n', headers: { Origin: DEMO_SERVER.url } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: string }).error).toBe('Only administrators can import into the archive.');

  const admin = await newStaffPage(browser, 'admin');
  await admin.goto('/desk/import');
  await expect(admin.getByRole('form', { name: 'Import a file' })).toBeVisible();
  await expect(admin.getByRole('main').getByRole('alert')).toHaveCount(0);
});
