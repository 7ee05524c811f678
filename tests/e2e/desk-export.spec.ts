import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import yauzl from 'yauzl';
import { readDemoDatabase } from './support/read-demo-database';
import { newStaffPage } from './support/staff-session';

/** One entry of a zip file on disk, as text. */
async function zipEntryText(file: string, name: string): Promise<string | null> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))));
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== name) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          zip.close();
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
      });
    });
    zip.on('end', () => resolve(null));
    zip.on('error', reject);
    zip.readEntry();
  });
}

test('an administrator downloads the export from the desk and gets every article; an editor is told who can', async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await newStaffPage(browser, 'admin');
  await admin.goto('/desk/export');
  await expect(admin.getByRole('heading', { name: 'Export' })).toBeVisible();
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Download the export (zip)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^masthead-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = await download.path();
  expect(fs.statSync(file).size).toBeGreaterThan(1000);
  const document = JSON.parse((await zipEntryText(file, 'masthead-export.json')) ?? '{}') as { articles?: { title: string }[] };
  const titles = readDemoDatabase((database) => database.prepare('select title from articles order by id').all() as { title: string }[]).map((row) => row.title);
  expect(document.articles?.map((article) => article.title)).toEqual(titles);
  expect(await zipEntryText(file, 'wordpress.xml')).toContain('<wp:wxr_version>1.2</wp:wxr_version>');

  const editor = await newStaffPage(browser, 'editor');
  await editor.goto('/desk/export');
  await expect(editor.getByText('Only administrators can download the export; ask one of them.')).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Download the export (zip)' })).toHaveCount(0);
});
