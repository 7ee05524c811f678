import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, media, type MediaVariant } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { etagMatches } from '@/lib/media/etag-matches';
import { mediaAddressSignature } from '@/lib/media/media-address-signature';
import { listMedia } from '@/lib/media/list-media';
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from '@/lib/media/media-limits';
import { renderVariants } from '@/lib/media/render-variants';
import { resolveMediaFile } from '@/lib/media/resolve-media-file';
import { storeUpload, type StoreUploadInput } from '@/lib/media/store-upload';
import { updateMediaText } from '@/lib/media/update-media-text';
import { makeImage, makeOversizedPngHeader } from '../factories/image';
import { createTestStaff } from '../factories/staff';
import { withTempMediaFolder } from '../factories/media-folder';
import { withTempDatabase } from '../factories/temp-database';

const signedIn = vi.hoisted(() => ({ staff: null as StaffIdentity | null }));
vi.mock('@/lib/staff/auth/current-staff', () => ({
  getCurrentStaff: async () => signedIn.staff,
  requireStaff: async () => {
    if (!signedIn.staff) throw new Error('not signed in');
    return signedIn.staff;
  },
}));

withTempDatabase();

const mediaFolder = withTempMediaFolder();
let mediaDir = '';
beforeEach(() => {
  mediaDir = mediaFolder.path();
  signedIn.staff = null;
});

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((entry) => fs.statSync(path.join(folder, entry)).isFile());
}

function mediaRowCount(): number {
  return getDb().select({ value: count() }).from(media).get()?.value ?? 0;
}

function storedRow(id: number) {
  const row = getDb().select().from(media).all().find((candidate) => candidate.id === id);
  if (!row) throw new Error(`media ${id} was not stored`);
  return row;
}

async function upload(overrides: Partial<StoreUploadInput> & { bytes: Buffer }) {
  const staff = await createTestStaff();
  return storeUpload({ originalName: 'photo.jpg', declaredType: 'image/jpeg', actorId: staff.id, ...overrides });
}

async function expectRefusedWithNothingWritten(input: Partial<StoreUploadInput> & { bytes: Buffer }) {
  const result = await upload(input);
  if (result.ok) throw new Error('expected the upload to be refused');
  expect(filesUnder(mediaDir)).toEqual([]);
  expect(mediaRowCount()).toBe(0);
  return result;
}

/** The signed folder part of an image's addresses, as pages show them. */
function addressOf(id: number): string {
  return `/api/media/${id}-${mediaAddressSignature(id)}`;
}

function variantSummary(variants: MediaVariant[]) {
  return variants.map((variant) => `${variant.width}.${variant.format}`).sort();
}

describe('storing an upload', () => {
  it('keeps a 2000×1200 JPEG byte for byte and makes 480, 960 and 1600 px copies in WebP and JPEG', async () => {
    const bytes = await makeImage({ format: 'jpeg', width: 2000, height: 1200 });
    const result = await upload({ bytes, originalName: 'harbour.jpg', alt: 'A harbour at dusk', caption: 'The port of Odesa', credit: 'Jane Roe' });
    if (!result.ok) throw new Error(result.error);

    const row = storedRow(result.media.id);
    expect(row).toMatchObject({ originalName: 'harbour.jpg', mimeType: 'image/jpeg', width: 2000, height: 1200, bytes: bytes.length });
    expect(row.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f]{16}$/);
    expect(row.originalPath).toBe(`${row.storageKey}/original.jpg`);
    expect(fs.readFileSync(path.join(mediaDir, row.originalPath)).equals(bytes)).toBe(true);
    expect(variantSummary(row.variants)).toEqual(['1600.jpeg', '1600.webp', '480.jpeg', '480.webp', '960.jpeg', '960.webp']);
    for (const variant of row.variants) {
      const file = fs.readFileSync(path.join(mediaDir, variant.path));
      const metadata = await sharp(file).metadata();
      expect({ format: metadata.format, width: metadata.width, height: metadata.height, bytes: file.length }).toEqual({
        format: variant.format,
        width: variant.width,
        height: Math.round((variant.width * 1200) / 2000),
        bytes: variant.bytes,
      });
    }
    expect(filesUnder(mediaDir)).toHaveLength(7);
  });

  it('describes the image as the editor will insert it', async () => {
    const bytes = await makeImage({ format: 'jpeg', width: 2000, height: 1200 });
    const result = await upload({ bytes, alt: 'A harbour', caption: 'Odesa', credit: 'Jane Roe' });
    if (!result.ok) throw new Error(result.error);
    const id = result.media.id;
    expect(result.media).toEqual({
      id,
      url: `${addressOf(id)}/w1600.jpeg`,
      width: 2000,
      height: 1200,
      alt: 'A harbour',
      caption: 'Odesa',
      credit: 'Jane Roe',
      srcset: `${addressOf(id)}/w480.webp 480w, ${addressOf(id)}/w960.webp 960w, ${addressOf(id)}/w1600.webp 1600w`,
      originalName: 'photo.jpg',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    const audit = getDb().select().from(auditLog).all();
    expect(audit).toMatchObject([{ action: 'media.upload', subjectType: 'media', subjectId: id }]);
  });

  it('accepts a PNG without EXIF and keeps PNG as its fallback format', async () => {
    const bytes = await makeImage({ format: 'png', width: 1000, height: 500 });
    const result = await upload({ bytes, originalName: 'chart.png', declaredType: 'image/png' });
    if (!result.ok) throw new Error(result.error);
    const row = storedRow(result.media.id);
    expect(row.mimeType).toBe('image/png');
    expect(row.originalPath).toMatch(/\/original\.png$/);
    expect(variantSummary(row.variants)).toEqual(['480.png', '480.webp', '960.png', '960.webp']);
    expect(result.media.url).toBe(`${addressOf(row.id)}/w960.png`);
  });

  it('turns a photo upright by its EXIF orientation and strips its metadata from the copies', async () => {
    const bytes = await makeImage({ format: 'jpeg', width: 2000, height: 1200, orientation: 6 });
    const result = await upload({ bytes });
    if (!result.ok) throw new Error(result.error);
    expect(result.media).toMatchObject({ width: 1200, height: 2000 });
    const row = storedRow(result.media.id);
    const largest = row.variants.find((variant) => variant.width === 960 && variant.format === 'jpeg');
    expect(largest).toMatchObject({ width: 960, height: 1600 });
    const metadata = await sharp(path.join(mediaDir, largest!.path)).metadata();
    expect(metadata.orientation).toBeUndefined();
    expect(metadata.exif).toBeUndefined();
    expect(fs.readFileSync(path.join(mediaDir, row.originalPath)).equals(bytes)).toBe(true);
  });

  it('makes one copy at its own width of an image narrower than 480 px', async () => {
    const bytes = await makeImage({ format: 'jpeg', width: 300, height: 200 });
    const result = await upload({ bytes });
    if (!result.ok) throw new Error(result.error);
    expect(variantSummary(storedRow(result.media.id).variants)).toEqual(['300.jpeg', '300.webp']);
    expect(result.media.srcset).toBe(`${addressOf(result.media.id)}/w300.webp 300w`);
  });

  it('makes only WebP copies of a WebP', async () => {
    const bytes = await makeImage({ format: 'webp', width: 1200, height: 800 });
    const result = await upload({ bytes, originalName: 'map.webp', declaredType: 'image/webp' });
    if (!result.ok) throw new Error(result.error);
    expect(variantSummary(storedRow(result.media.id).variants)).toEqual(['480.webp', '960.webp']);
    expect(result.media.url).toBe(`${addressOf(result.media.id)}/w960.webp`);
  });

  it('turns a GIF into PNG copies and an AVIF into JPEG copies', async () => {
    const gif = await upload({ bytes: await makeImage({ format: 'gif', width: 600, height: 400 }), originalName: 'a.gif' });
    const avif = await upload({ bytes: await makeImage({ format: 'avif', width: 600, height: 400 }), originalName: 'b.avif' });
    if (!gif.ok || !avif.ok) throw new Error('expected both uploads to be accepted');
    expect(storedRow(gif.media.id)).toMatchObject({ mimeType: 'image/gif', originalPath: expect.stringMatching(/original\.gif$/) });
    expect(variantSummary(storedRow(gif.media.id).variants)).toEqual(['480.png', '480.webp']);
    expect(storedRow(avif.media.id)).toMatchObject({ mimeType: 'image/avif', originalPath: expect.stringMatching(/original\.avif$/) });
    expect(variantSummary(storedRow(avif.media.id).variants)).toEqual(['480.jpeg', '480.webp']);
  });

  it('goes by the bytes, not the name: a PNG called .jpg is stored as a PNG', async () => {
    const bytes = await makeImage({ format: 'png', width: 500, height: 500 });
    const result = await upload({ bytes, originalName: 'photo.jpg', declaredType: 'image/jpeg' });
    if (!result.ok) throw new Error(result.error);
    expect(storedRow(result.media.id)).toMatchObject({ mimeType: 'image/png', originalPath: expect.stringMatching(/original\.png$/) });
  });

  it('keeps only the file name a browser sends, without folders or control characters', async () => {
    const bytes = await makeImage({ format: 'png', width: 100, height: 100 });
    const result = await upload({ bytes, originalName: 'C:\\Users\\jo\\Desktop\\map\u202E.png' });
    if (!result.ok) throw new Error(result.error);
    expect(result.media.originalName).toBe('map.png');
  });
});

describe('refusing an upload', () => {
  it('refuses a text file renamed .jpg and writes nothing', async () => {
    const result = await expectRefusedWithNothingWritten({ bytes: Buffer.from('Minutes of the board meeting\n'), originalName: 'minutes.jpg' });
    expect(result).toEqual({ ok: false, status: 415, error: 'That file is not an image we can use: upload a JPEG, PNG, WebP, GIF or AVIF.' });
  });

  it('refuses an SVG, saying why and what to upload instead', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const result = await expectRefusedWithNothingWritten({ bytes: svg, originalName: 'logo.png', declaredType: 'image/png' });
    expect(result.status).toBe(415);
    expect(result.error).toMatch(/SVG/);
    expect(result.error).toMatch(/scripts/);
    expect(result.error).toMatch(/export .* as a PNG/);
  });

  it('refuses a file over 20 MB, naming its size and the limit', async () => {
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
    const jpeg = await makeImage({ format: 'jpeg', width: 100, height: 100 });
    const bytes = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - jpeg.length)]);
    const result = await expectRefusedWithNothingWritten({ bytes });
    expect(result.status).toBe(413);
    expect(result.error).toBe('That file is 20.1 MB; the limit is 20 MB. Export a smaller or more compressed copy and upload that.');
  });

  it('refuses a file over a lower limit when one is given', async () => {
    const bytes = await makeImage({ format: 'jpeg', width: 400, height: 400 });
    const result = await expectRefusedWithNothingWritten({ bytes, maxBytes: 1024 });
    expect(result.status).toBe(413);
    expect(result.error).toMatch(/the limit is 1 KB/);
  });

  it('refuses a decompression bomb before decoding it, naming its dimensions', async () => {
    expect(MAX_INPUT_PIXELS).toBe(50_000_000);
    const bomb = await makeOversizedPngHeader({ width: 20000, height: 20000 });
    expect(bomb.length).toBeLessThan(1024);
    const result = await expectRefusedWithNothingWritten({ bytes: bomb, originalName: 'bomb.png' });
    expect(result).toMatchObject({ status: 422 });
    expect(result.error).toMatch(/20,000 × 20,000 pixels/);
    expect(result.error).toMatch(/the limit is 50 megapixels/);
  });

  it('would not decode a bomb even if the header check were skipped', async () => {
    const bomb = await makeOversizedPngHeader({ width: 20000, height: 20000 });
    await expect(renderVariants({ bytes: bomb, format: 'png', width: 20000 })).rejects.toThrow(/pixel limit/);
  });

  it('refuses a damaged image', async () => {
    const jpeg = await makeImage({ format: 'jpeg', width: 1200, height: 800 });
    const result = await expectRefusedWithNothingWritten({ bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)) });
    expect(result.status).toBe(422);
    expect(result.error).toMatch(/damaged/);
  });

  it('refuses text that is too long, with the field that needs fixing', async () => {
    const bytes = await makeImage({ format: 'jpeg', width: 100, height: 100 });
    const result = await expectRefusedWithNothingWritten({ bytes, alt: 'x'.repeat(301) });
    expect(result).toMatchObject({ status: 400, fieldErrors: { alt: 'Keep the alt text under 300 characters.' } });
  });

  it('removes the written files when the database refuses the row', async () => {
    const bytes = await makeImage({ format: 'jpeg', width: 600, height: 400 });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await storeUpload({ bytes, originalName: 'a.jpg', declaredType: 'image/jpeg', actorId: 987654 });
    errors.mockRestore();
    expect(result).toMatchObject({ ok: false, status: 500 });
    expect(filesUnder(mediaDir)).toEqual([]);
    expect(mediaRowCount()).toBe(0);
  });
});

function insertMediaRow({ caption = '', alt = '', credit = '', originalName = 'image.jpg' } = {}): number {
  return getDb()
    .insert(media)
    .values({
      originalName,
      mimeType: 'image/jpeg',
      width: 100,
      height: 100,
      bytes: 1,
      storageKey: 'k',
      originalPath: 'k/original.jpg',
      variants: [{ width: 100, height: 100, format: 'webp', path: 'k/w100.webp', bytes: 1 }],
      alt,
      caption,
      credit,
    })
    .returning()
    .get().id;
}

describe('listing and searching media', () => {
  it('finds by caption, alt text, credit and file name, whatever the case, newest first', () => {
    const byCaption = insertMediaRow({ caption: 'Centrifuges at Natanz' });
    const byAlt = insertMediaRow({ alt: 'Rows of NATANZ centrifuges' });
    insertMediaRow({ caption: 'Geneva talks' });
    const byName = insertMediaRow({ originalName: 'natanz-site.jpg' });
    expect(listMedia({ query: 'natanz' }).map((item) => item.id)).toEqual([byName, byAlt, byCaption]);
    expect(listMedia({ query: 'centrifuges natanz' }).map((item) => item.id)).toEqual([byAlt, byCaption]);
    expect(listMedia().map((item) => item.id)).toHaveLength(4);
  });

  it('treats % and _ as the characters they are', () => {
    const percent = insertMediaRow({ caption: 'Turnout fell 40% in 2024' });
    const underscore = insertMediaRow({ caption: 'file_name shown' });
    insertMediaRow({ caption: 'Turnout fell 40 points' });
    insertMediaRow({ caption: 'filename shown' });
    expect(listMedia({ query: '40%' }).map((item) => item.id)).toEqual([percent]);
    expect(listMedia({ query: '%' }).map((item) => item.id)).toEqual([percent]);
    expect(listMedia({ query: 'file_name' }).map((item) => item.id)).toEqual([underscore]);
    expect(listMedia({ query: '\\' })).toEqual([]);
  });

  it('returns 50 by default and at most the limit asked for', () => {
    for (let index = 0; index < 55; index++) insertMediaRow();
    expect(listMedia()).toHaveLength(50);
    expect(listMedia({ limit: 3 })).toHaveLength(3);
    expect(listMedia({ limit: 0 })).toHaveLength(50);
  });
});

describe('editing the text of an image', () => {
  it('changes the given fields only and records who did it', async () => {
    const staff = await createTestStaff({ role: 'editor' });
    const id = insertMediaRow({ alt: 'old alt', caption: 'old caption', credit: 'Old Credit' });
    const result = updateMediaText({ id, input: { alt: '  Negotiators at a table ', caption: 'Geneva, 2025' }, actor: staff });
    expect(result).toMatchObject({ ok: true, media: { alt: 'Negotiators at a table', caption: 'Geneva, 2025', credit: 'Old Credit' } });
    expect(getDb().select().from(auditLog).all()).toMatchObject([{ action: 'media.update', subjectId: id, actorId: staff.id }]);
  });

  it('returns an error for each field that is too long and changes nothing', async () => {
    const staff = await createTestStaff({ role: 'editor' });
    const id = insertMediaRow({ alt: 'kept' });
    const result = updateMediaText({ id, input: { alt: 'a'.repeat(301), caption: 'c'.repeat(1001), credit: 'r'.repeat(201) }, actor: staff });
    expect(result).toEqual({
      ok: false,
      status: 400,
      error: 'Please correct the highlighted fields.',
      fieldErrors: {
        alt: 'Keep the alt text under 300 characters.',
        caption: 'Keep the caption under 1,000 characters.',
        credit: 'Keep the credit under 200 characters.',
      },
    });
    expect(storedRow(id).alt).toBe('kept');
  });

  it('answers 404 for an image that does not exist', async () => {
    const staff = await createTestStaff({ role: 'editor' });
    expect(updateMediaText({ id: 999, input: { alt: 'x' }, actor: staff })).toMatchObject({ ok: false, status: 404 });
  });
});

describe('serving media files', () => {
  async function uploaded() {
    const bytes = await makeImage({ format: 'jpeg', width: 1000, height: 600 });
    const result = await upload({ bytes });
    if (!result.ok) throw new Error(result.error);
    return { id: result.media.id, bytes };
  }

  it('maps the recorded names, and only those, to files in the media folder', async () => {
    const { id } = await uploaded();
    const original = resolveMediaFile({ id: String(id), fileName: 'original.jpg' });
    expect(original).toMatchObject({ contentType: 'image/jpeg' });
    expect(original!.absolutePath.startsWith(mediaDir + path.sep)).toBe(true);
    expect(resolveMediaFile({ id: String(id), fileName: 'w960.webp' })).toMatchObject({ contentType: 'image/webp' });
    for (const fileName of ['../../../etc/passwd', '..', '../original.jpg', 'w1600.webp', 'original.png', 'w960.WEBP', '', 'k/w100.webp']) {
      expect(resolveMediaFile({ id: String(id), fileName })).toBeNull();
    }
    for (const badId of ['0', '-1', '1.0', '../1', `${id} `, '99999']) {
      expect(resolveMediaFile({ id: badId, fileName: 'original.jpg' })).toBeNull();
    }
  });

  it('sends staff the bytes of an unpublished image privately, with nosniff and an ETag, and 304 when the ETag matches', async () => {
    const { id, bytes } = await uploaded();
    const { GET } = await import('@/app/api/media/[id]/[file]/route');
    const context = (file: string) => ({ params: Promise.resolve({ id: String(id), file }) });
    const original = await GET(new Request(`http://test/api/media/${id}/original.jpg`), context('original.jpg'));
    // The original keeps the camera's metadata: without a staff session it does not exist.
    expect(original.status).toBe(404);
    signedIn.staff = await createTestStaff();
    const response = await GET(new Request(`http://test/api/media/${id}/w960.jpeg`), context('w960.jpeg'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const sent = Buffer.from(await response.arrayBuffer());
    expect(sent.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(sent.equals(bytes)).toBe(false);

    const again = await GET(new Request(`http://test/api/media/${id}/w960.jpeg`, { headers: { 'If-None-Match': `"other", ${etag}` } }), context('w960.jpeg'));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const webp = await GET(new Request(`http://test/api/media/${id}/w480.webp`), context('w480.webp'));
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect(webp.headers.get('etag')).not.toBe(etag);

    const escape = await GET(new Request(`http://test/api/media/${id}/x`), context('../../masthead.db'));
    expect(escape.status).toBe(404);
  });

  it('compares If-None-Match weakly, as HTTP says', () => {
    expect(etagMatches({ header: 'W/"abc"', etag: '"abc"' })).toBe(true);
    expect(etagMatches({ header: '*', etag: '"abc"' })).toBe(true);
    expect(etagMatches({ header: '"abd"', etag: '"abc"' })).toBe(false);
    expect(etagMatches({ header: null, etag: '"abc"' })).toBe(false);
  });
});

describe('the desk media API', () => {
  async function jpegFile({ width, height, name }: { width: number; height: number; name: string }): Promise<File> {
    return new File([new Uint8Array(await makeImage({ format: 'jpeg', width, height }))], name, { type: 'image/jpeg' });
  }

  async function signIn() {
    signedIn.staff = await createTestStaff({ role: 'author' });
    return signedIn.staff;
  }

  it('answers 401 with JSON to anyone not signed in, and stores nothing', async () => {
    const { POST, GET } = await import('@/app/api/desk/media/route');
    const form = new FormData();
    form.set('file', await jpegFile({ width: 100, height: 100, name: 'a.jpg' }));
    const posted = await POST(new Request('http://test/api/desk/media', { method: 'POST', body: form }));
    expect(posted.status).toBe(401);
    expect(await posted.json()).toEqual({ ok: false, error: 'Sign in to manage images.' });
    expect((await GET(new Request('http://test/api/desk/media'))).status).toBe(401);
    expect(mediaRowCount()).toBe(0);
  });

  it('uploads a form, lists it, and edits its text', async () => {
    await signIn();
    const { POST, GET } = await import('@/app/api/desk/media/route');
    const single = await import('@/app/api/desk/media/[id]/route');
    const form = new FormData();
    form.set('file', await jpegFile({ width: 1000, height: 600, name: 'summit.jpg' }));
    form.set('alt', 'Delegates at the summit');
    form.set('caption', 'Opening session');
    const posted = await POST(new Request('http://test/api/desk/media', { method: 'POST', body: form }));
    expect(posted.status).toBe(201);
    const { media: created } = await posted.json();
    expect(created).toMatchObject({ alt: 'Delegates at the summit', caption: 'Opening session', originalName: 'summit.jpg' });

    const listed = await (await GET(new Request('http://test/api/desk/media?q=opening&limit=5'))).json();
    expect(listed).toEqual({ ok: true, media: [created] });

    const context = { params: Promise.resolve({ id: String(created.id) }) };
    const patch = (body: string) => single.PATCH(new Request('http://test', { method: 'PATCH', body, headers: { 'Content-Type': 'application/json' } }), context);
    const refused = await patch(JSON.stringify({ credit: 'c'.repeat(201) }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ ok: false, fieldErrors: { credit: 'Keep the credit under 200 characters.' } });
    expect((await patch('not json')).status).toBe(400);
    const edited = await patch(JSON.stringify({ credit: 'Photo: UN' }));
    expect(await edited.json()).toMatchObject({ ok: true, media: { id: created.id, credit: 'Photo: UN', alt: 'Delegates at the summit' } });

    const fetched = await single.GET(new Request('http://test'), context);
    expect(await fetched.json()).toMatchObject({ ok: true, media: { credit: 'Photo: UN' } });
    const missing = await single.GET(new Request('http://test'), { params: Promise.resolve({ id: '999' }) });
    expect(missing.status).toBe(404);
  });

  it('refuses a form without a file and a non-image with a sentence to show', async () => {
    await signIn();
    const { POST } = await import('@/app/api/desk/media/route');
    const empty = await POST(new Request('http://test/api/desk/media', { method: 'POST', body: new FormData() }));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ ok: false, error: 'Choose an image to upload.' });
    const form = new FormData();
    form.set('file', new File(['hello'], 'notes.jpg', { type: 'image/jpeg' }));
    const refused = await POST(new Request('http://test/api/desk/media', { method: 'POST', body: form }));
    expect(refused.status).toBe(415);
    expect((await refused.json()).error).toMatch(/not an image we can use/);
  });
});
