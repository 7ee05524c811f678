import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { media } from '@/db/schema';
import type { ResolvedImage } from '@/lib/content/html-to-article-doc';
import { inspectImage } from '@/lib/media/inspect-image';
import { MAX_UPLOAD_BYTES } from '@/lib/media/media-limits';
import { toMediaView } from '@/lib/media/media-view';
import { storeUpload } from '@/lib/media/store-upload';
import { findMapped, recordMapped, type ImportContext } from './import-context';

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

const MAX_ALT = 300;
const MAX_CAPTION = 1000;
/** Where WordPress and Ghost keep uploads: the rest of the path is the file's place in a copied media folder. */
const UPLOAD_FOLDERS = ['/wp-content/uploads/', '/content/images/'];

/** An image of the source as the media library has it: stored (its id), only checked (a dry run), or not to be had (why). */
export type ImageResolution = { ok: true; mediaId: number } | { ok: true; planned: { width: number; height: number } } | { ok: false; reason: string };

const resolutions = new WeakMap<ImportContext, Map<string, Promise<ImageResolution>>>();

/**
 * Stands in for the old site's address when the source does not give it: Ghost exports write
 * `__GHOST_URL__` for it and hold no setting with the real one. Such an image can come only from the
 * media folder, and is never fetched.
 */
const UNKNOWN_SITE = 'https://old-site.invalid';

/** The absolute address of an image of the source, or null for one that is no web address (data:, javascript:). */
export function imageAddress(context: ImportContext, src: string): string | null {
  try {
    const url = /^https?:\/\//i.test(src) ? new URL(src) : src.startsWith('/') && !src.startsWith('//') ? new URL(src, context.siteUrl || UNKNOWN_SITE) : null;
    if (!url) return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

/**
 * Brings one image of the source into the media library, once per address: from the copied media
 * folder, otherwise over HTTP(S) when allowed. The address is kept in the source map, so a later run
 * fetches nothing. A dry run only checks that the image can be had.
 */
export function resolveImage(context: ImportContext, { url, alt = '', caption = '' }: { url: string; alt?: string; caption?: string }): Promise<ImageResolution> {
  let known = resolutions.get(context);
  if (!known) resolutions.set(context, (known = new Map()));
  let resolution = known.get(url);
  if (!resolution) {
    resolution = bringIn(context, { url, alt, caption });
    known.set(url, resolution);
  }
  return resolution;
}

async function bringIn(context: ImportContext, { url, alt, caption }: { url: string; alt: string; caption: string }): Promise<ImageResolution> {
  const mapped = findMapped(context, 'media-url', url);
  if (mapped && getDb().select({ id: media.id }).from(media).where(eq(media.id, mapped.targetId)).get()) return { ok: true, mediaId: mapped.targetId };
  const read = await readImage(context, url);
  if (!read.ok) return read;
  if (context.dryRun) {
    const inspection = await inspectImage({ bytes: read.bytes });
    return inspection.ok ? { ok: true, planned: { width: inspection.width, height: inspection.height } } : { ok: false, reason: inspection.error };
  }
  const stored = await storeUpload({
    bytes: read.bytes,
    originalName: decodeName(new URL(url).pathname),
    declaredType: '',
    alt: alt.trim().slice(0, MAX_ALT),
    caption: caption.trim().slice(0, MAX_CAPTION),
    actorId: context.actorId,
  });
  if (!stored.ok) return { ok: false, reason: stored.error };
  const db = getDb();
  db.transaction((tx) => recordMapped(tx, context, { sourceKind: 'media-url', sourceId: url, targetKind: 'media', targetId: stored.media.id, hash: '' }));
  return { ok: true, mediaId: stored.media.id };
}

/** An image's address as the report shows it: a path on the old site when its address is not known. */
export function shownAddress(url: string): string {
  return url.startsWith(`${UNKNOWN_SITE}/`) ? url.slice(UNKNOWN_SITE.length) : url;
}

async function readImage(context: ImportContext, url: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  const local = context.media.mediaDir ? localCopyPath(context.media.mediaDir, url) : null;
  if (local) {
    try {
      const stat = await fs.stat(local);
      if (stat.isFile() && stat.size <= MAX_UPLOAD_BYTES) return { ok: true, bytes: await fs.readFile(local) };
      if (stat.isFile()) return { ok: false, reason: 'it is larger than the 20 MB the media library takes' };
    } catch {
      // Not in the copied folder: fetched below when allowed.
    }
  }
  if (url.startsWith(`${UNKNOWN_SITE}/`)) {
    const unknownSite = 'the export does not give the old site’s address, so it can only come from';
    if (local) return { ok: false, reason: `${unknownSite} the media folder, and it is not there (${local})` };
    if (context.media.mediaDir) return { ok: false, reason: `${unknownSite} the media folder, and its path is not under content/images or wp-content/uploads` };
    return { ok: false, reason: `${unknownSite} a media folder (a copy of content/images or wp-content/uploads), and none was given` };
  }
  if (!context.media.fetchImages) {
    return { ok: false, reason: local ? `it is not in the media folder (${local})` : 'it is not in a media folder and fetching images is off' };
  }
  return fetchImage(url, context.media.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
}

/** The file a URL names inside a local copy of the uploads folder; never outside it. */
function localCopyPath(mediaDir: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const folder = UPLOAD_FOLDERS.find((candidate) => pathname.includes(candidate));
  if (!folder) return null;
  const root = path.resolve(mediaDir);
  const file = path.resolve(root, pathname.slice(pathname.indexOf(folder) + folder.length));
  return file.startsWith(root + path.sep) ? file : null;
}

async function fetchImage(url: string, timeoutMs: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return { ok: false, reason: `the server answered ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_UPLOAD_BYTES) {
      await response.body.cancel();
      return { ok: false, reason: 'it is larger than the 20 MB the media library takes' };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > MAX_UPLOAD_BYTES) return { ok: false, reason: 'it is larger than the 20 MB the media library takes' };
      chunks.push(chunk);
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { ok: false, reason: `it did not answer within ${seconds}` };
    return { ok: false, reason: `it could not be fetched (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)})` };
  }
}

function decodeName(pathname: string): string {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || 'image';
  } catch {
    return last || 'image';
  }
}

/** A dry run's stand-in for an image it only checked: never stored, rolled back with its item. */
const PLANNED_IMAGE_SRC = '/api/media/0-planned/w1600.jpg';

/** What a figure needs of a resolved image. */
export function figureImage(resolution: ImageResolution, { alt = '', caption = '' }: { alt?: string; caption?: string } = {}): ResolvedImage | null {
  if (!resolution.ok) return null;
  if ('planned' in resolution) return { mediaId: 1, src: PLANNED_IMAGE_SRC, srcset: '', width: resolution.planned.width, height: resolution.planned.height, alt, caption };
  const row = getDb().select().from(media).where(eq(media.id, resolution.mediaId)).get();
  if (!row) return null;
  const view = toMediaView(row);
  return { mediaId: view.id, src: view.url, srcset: view.srcset, width: view.width, height: view.height, alt: view.alt, caption: view.caption };
}
