import { expect, test } from '@playwright/test';
import { makePng } from './support/make-image';
import { signInAs } from './support/staff-session';

test('the media library uploads, searches by caption, and refuses an SVG with a reason', async ({ page }) => {
  await signInAs(page, 'author');
  await page.goto('/desk/media');
  const upload = page.getByRole('region', { name: 'Upload an image' });
  await upload.getByLabel(/^Image/).setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: await makePng({ width: 900, height: 600 }) });
  await upload.getByLabel(/^Alt text/).fill('Ships moored at a quay');
  await upload.getByLabel('Caption').fill('The quay at Klaipeda, library-test-7731');
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload.getByText('Uploaded harbour.png.')).toBeVisible();

  await page.getByLabel('Search by alt text, caption, credit or file name').fill('library-test-7731');
  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('region', { name: /Images matching/ });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('img', { name: 'Ships moored at a quay' })).toBeVisible();

  await upload.getByLabel(/^Image/).setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload.getByText(/SVG/)).toBeVisible();
});
