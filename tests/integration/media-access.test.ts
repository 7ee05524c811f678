import fs from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { articles, issues, media } from '@/db/schema';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { createPreviewLink, resolvePreviewToken } from '@/lib/articles/preview-links';
import { transitionArticle } from '@/lib/articles/transition-article';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { deriveArticleText } from '@/lib/content/derive-article-text';
import { getIssueContents } from '@/lib/issues/get-issue';
import { getMedia } from '@/lib/media/get-media';
import type { MediaView } from '@/lib/media/media-view';
import { createTestIssue, paragraphDoc } from '../factories/article';
import { createReadyArticle } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { uploadTestImage, withTempMediaFolder } from '../factories/media-folder';
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
beforeEach(() => {
  signedIn.staff = null;
});

function figureDoc(image: MediaView): JSONContent {
  return {
    type: 'doc',
    content: [
      ...(paragraphDoc('Sentence about the treaty and its verification regime. '.repeat(20)).content ?? []),
      { type: 'figure', attrs: { mediaId: image.id, src: image.url, srcset: image.srcset, alt: image.alt, width: image.width, height: image.height } },
    ],
  };
}

/** A working copy that passes the checklist, showing `image` as a figure, set into `status`. */
async function articleShowing(image: MediaView, { status = 'approved' as const, embargoedUntil = null as Date | null } = {}) {
  const author = await createTestStaff({ role: 'author' });
  const article = createReadyArticle({ owner: author, status, embargoedUntil });
  const body = figureDoc(image);
  getDb().update(articles).set({ body, bodyText: deriveArticleText(body).text }).where(eq(articles.id, article.id)).run();
  return article;
}

async function publish(articleId: number) {
  const editor = await createTestStaff({ role: 'editor' });
  const result = transitionArticle({ id: articleId, actor: editor, input: { action: 'publish' } });
  if (!result.ok) throw new Error(result.error);
  return editor;
}

/** The `src` and every `srcset` address of the images in some HTML, as a browser would request them. */
function imageAddresses(html: string): string[] {
  const sources = [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]!);
  const sets = [...html.matchAll(/srcset="([^"]+)"/g)].flatMap((match) => match[1]!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
  return [...sources, ...sets].map((address) => address.replaceAll('&amp;', '&'));
}

/** Asks the media route for an address as a browser would, signed in as `as` (or not at all). */
async function fetchMedia(address: string, { as = null as StaffIdentity | null } = {}): Promise<Response> {
  const { GET } = await import('@/app/api/media/[id]/[file]/route');
  const match = /^\/api\/media\/([^/]+)\/([^/]+)$/.exec(address);
  if (!match) throw new Error(`not a media address: ${address}`);
  signedIn.staff = as;
  try {
    return await GET(new Request(`http://test${address}`), { params: Promise.resolve({ id: match[1]!, file: match[2]! }) });
  } finally {
    signedIn.staff = null;
  }
}

/** The bytes stored on disk for the copy an address names. */
function storedBytes({ mediaId, fileName }: { mediaId: number; fileName: string }): Buffer {
  const row = getDb().select().from(media).where(eq(media.id, mediaId)).get()!;
  const variant = row.variants.find((candidate) => candidate.path.endsWith(`/${fileName}`));
  if (!variant) throw new Error(`no copy named ${fileName}`);
  return fs.readFileSync(path.join(mediaFolder.path(), variant.path));
}

const fileNameOf = (address: string) => address.slice(address.lastIndexOf('/') + 1);

describe('who may fetch the resized copies of an image', () => {
  it('serves an image used only by an unpublished article to signed-in staff, privately, and to no one else at any address', async () => {
    const image = await uploadTestImage();
    await articleShowing(image);
    const sequential = `/api/media/${image.id}/w960.jpeg`;

    for (const address of [image.url, sequential, ...imageAddresses(`<img src="${image.url}" srcset="${image.srcset}">`)]) {
      const anonymous = await fetchMedia(address);
      expect(anonymous.status, address).toBe(404);
      expect(await anonymous.text()).toBe('Not found');
    }
    const staff = await createTestStaff({ role: 'author' });
    const forStaff = await fetchMedia(image.url, { as: staff });
    expect(forStaff.status).toBe(200);
    expect(forStaff.headers.get('cache-control')).toMatch(/^private\b/);
    expect(Buffer.from(await forStaff.arrayBuffer()).equals(storedBytes({ mediaId: image.id, fileName: fileNameOf(image.url) }))).toBe(true);
  });

  it('answers a reader for the images a published article shows, at addresses that cannot be worked out from the id', async () => {
    const image = await uploadTestImage();
    const article = await articleShowing(image);
    await publish(article.id);

    const page = getPublishedArticle(article.slug)!;
    const addresses = imageAddresses(page.html);
    expect(addresses.length).toBeGreaterThan(1);
    for (const address of addresses) {
      expect(address).toMatch(new RegExp(`^/api/media/${image.id}-[A-Za-z0-9_-]{22}/w\\d+\\.(webp|jpeg)$`));
      const response = await fetchMedia(address);
      expect(response.status, address).toBe(200);
      expect(response.headers.get('cache-control')).toMatch(/^public\b/);
      expect(Buffer.from(await response.arrayBuffer()).equals(storedBytes({ mediaId: image.id, fileName: fileNameOf(address) }))).toBe(true);
    }

    const [segment, fileName] = addresses[0]!.split('/').slice(3);
    const signature = segment!.split('-').slice(1).join('-');
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect((await fetchMedia(`/api/media/${image.id}-${flipped}/${fileName}`)).status).toBe(404);
    // The same key does not open the next image in the library.
    const other = await uploadTestImage();
    expect((await fetchMedia(`/api/media/${other.id}-${signature}/${fileName}`)).status).toBe(404);
  });

  it('sends a reader following an old sequential address of a published image to its public address', async () => {
    const image = await uploadTestImage();
    const article = await articleShowing(image);
    await publish(article.id);
    const response = await fetchMedia(`/api/media/${image.id}/w480.webp`);
    expect(response.status).toBe(308);
    const location = response.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/api/media/${image.id}-[A-Za-z0-9_-]{22}/w480\\.webp$`));
    expect((await fetchMedia(location)).status).toBe(200);
  });

  it('shows readers the signed address of a figure an older article stored by its sequential address', async () => {
    const image = await uploadTestImage();
    const sequential = `/api/media/${image.id}/w960.jpeg`;
    const article = await articleShowing({ ...image, url: sequential, srcset: `/api/media/${image.id}/w480.webp 480w` });
    await publish(article.id);
    const addresses = imageAddresses(getPublishedArticle(article.slug)!.html);
    expect(addresses).toEqual([`${image.url.slice(0, image.url.lastIndexOf('/'))}/w960.jpeg`, `${image.url.slice(0, image.url.lastIndexOf('/'))}/w480.webp`]);
    for (const address of addresses) expect((await fetchMedia(address)).status, address).toBe(200);
  });

  it('answers a reader for a figure in the editor’s note of a published issue, and not in one still in planning', async () => {
    const shown = await uploadTestImage({ alt: 'Signing ceremony' });
    const planned = await uploadTestImage({ alt: 'Draft cover art' });
    const april = createTestIssue({ status: 'published' });
    const may = createTestIssue({ status: 'planning' });
    getDb().update(issues).set({ editorsNoteBody: figureDoc(shown) }).where(eq(issues.id, april.id)).run();
    getDb().update(issues).set({ editorsNoteBody: figureDoc(planned) }).where(eq(issues.id, may.id)).run();

    const addresses = imageAddresses(getIssueContents(april.slug)!.editorsNoteHtml!);
    expect(addresses.length).toBeGreaterThan(1);
    for (const address of addresses) expect((await fetchMedia(address)).status, address).toBe(200);
    expect((await fetchMedia(planned.url)).status).toBe(404);
  });

  it('takes an image off its public address when its only article is unpublished', async () => {
    const image = await uploadTestImage();
    const article = await articleShowing(image);
    const editor = await publish(article.id);
    const address = imageAddresses(getPublishedArticle(article.slug)!.html)[0]!;
    expect((await fetchMedia(address)).status).toBe(200);

    const withdrawn = transitionArticle({ id: article.id, actor: editor, input: { action: 'unpublish', note: 'Withdrawn pending review.' } });
    if (!withdrawn.ok) throw new Error(withdrawn.error);
    expect((await fetchMedia(address)).status).toBe(404);
  });

  it('keeps the images of an embargoed article from readers, even at the addresses its preview link shows', async () => {
    const image = await uploadTestImage();
    const article = await articleShowing(image, { embargoedUntil: new Date(Date.now() + 86_400_000) });
    const editor = await createTestStaff({ role: 'editor' });
    const link = createPreviewLink({ articleId: article.id, actor: editor, label: 'Wire desk' });
    if (!link.ok) throw new Error(link.error);

    const preview = resolvePreviewToken(link.url.split('/preview/')[1]!)!;
    const addresses = imageAddresses(preview.html);
    expect(addresses.length).toBeGreaterThan(1);
    for (const address of addresses) expect((await fetchMedia(address)).status, address).toBe(404);
    expect((await fetchMedia(`/api/media/${image.id}/w480.webp`)).status).toBe(404);
  });

  it('answers a reader for the cover of a published issue, and not for the cover of an issue in planning', async () => {
    const planned = await uploadTestImage({ alt: 'Cover in planning' });
    const published = await uploadTestImage({ alt: 'Cover of April' });
    const inPlanning = createTestIssue({ status: 'planning' });
    const april = createTestIssue({ status: 'published' });
    getDb().update(issues).set({ coverMediaId: planned.id }).where(eq(issues.id, inPlanning.id)).run();
    getDb().update(issues).set({ coverMediaId: published.id }).where(eq(issues.id, april.id)).run();

    const cover = getIssueContents(april.slug)!.cover!;
    expect(cover.url).toMatch(new RegExp(`^/api/media/${published.id}-[A-Za-z0-9_-]{22}/`));
    expect((await fetchMedia(cover.url)).status).toBe(200);
    expect((await fetchMedia(getMedia(planned.id)!.url)).status).toBe(404);
  });

  it('keeps the original upload, with its camera metadata, for staff even when the image is public', async () => {
    const image = await uploadTestImage();
    const article = await articleShowing(image);
    await publish(article.id);
    const segment = imageAddresses(getPublishedArticle(article.slug)!.html)[0]!.split('/')[3]!;
    expect((await fetchMedia(`/api/media/${segment}/original.jpg`)).status).toBe(404);
    const staff = await createTestStaff({ role: 'author' });
    const original = await fetchMedia(`/api/media/${segment}/original.jpg`, { as: staff });
    expect(original.status).toBe(200);
    expect(original.headers.get('cache-control')).toMatch(/^private\b/);
  });
});
