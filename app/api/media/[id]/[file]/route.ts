import fs from 'node:fs';
import { getCurrentStaff } from '@/lib/staff/auth/current-staff';
import { etagMatches } from '@/lib/media/etag-matches';
import { isMediaPublic } from '@/lib/media/is-media-public';
import { isMediaAddressSignature } from '@/lib/media/media-address-signature';
import { mediaFileUrl } from '@/lib/media/media-view';
import { parseMediaSegment } from '@/lib/media/parse-media-path';
import { resolveMediaFile, type MediaFile } from '@/lib/media/resolve-media-file';

type Context = { params: Promise<{ id: string; file: string }> };

// Publication can end, so readers' copies are kept for an hour rather than for good.
const PUBLIC_CACHE = 'public, max-age=3600';
const PRIVATE_CACHE = 'private, max-age=3600';

/**
 * An image's resized copies (`/api/media/7-<signature>/w960.webp`) answer anyone only while something
 * public shows the image (see `isMediaPublic`) and only at the signed address; the old sequential
 * address (`/api/media/7/…`) sends readers there. Otherwise, and for the original upload with its
 * camera metadata, only signed-in staff get an answer; anyone else gets the same 404 as for no image.
 */
export async function GET(request: Request, { params }: Context) {
  const { id: segment, file: fileName } = await params;
  const address = parseMediaSegment(segment);
  if (!address) return notFound();
  const file = resolveMediaFile({ id: String(address.mediaId), fileName });
  if (!file) return notFound();
  if (!file.isOriginal && isMediaPublic({ mediaId: file.mediaId })) {
    if (address.signature === null) {
      return new Response(null, { status: 308, headers: { Location: mediaFileUrl({ id: file.mediaId, storedPath: fileName }), 'Cache-Control': PUBLIC_CACHE } });
    }
    if (isMediaAddressSignature({ mediaId: file.mediaId, signature: address.signature })) return send({ request, file, cacheControl: PUBLIC_CACHE });
  }
  if (await getCurrentStaff()) return send({ request, file, cacheControl: PRIVATE_CACHE });
  return notFound();
}

async function send({ request, file, cacheControl }: { request: Request; file: MediaFile; cacheControl: string }): Promise<Response> {
  const headers = {
    'Cache-Control': cacheControl,
    ETag: file.etag,
    'X-Content-Type-Options': 'nosniff',
    // Opened on its own, an image gets no scripts, styles or frames.
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (etagMatches({ header: request.headers.get('if-none-match'), etag: file.etag })) {
    return new Response(null, { status: 304, headers });
  }
  let body: Blob;
  try {
    body = await fs.openAsBlob(file.absolutePath, { type: file.contentType });
  } catch (error) {
    console.error(`The media file ${file.absolutePath} is recorded but cannot be opened`, error);
    return notFound();
  }
  return new Response(body, {
    headers: { ...headers, 'Content-Type': file.contentType, 'Content-Length': String(body.size) },
  });
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
  });
}
