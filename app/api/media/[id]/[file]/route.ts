import fs from 'node:fs';
import { getCurrentStaff } from '@/lib/auth/current-staff';
import { etagMatches } from '@/lib/media/etag-matches';
import { resolveMediaFile } from '@/lib/media/resolve-media-file';

type Context = { params: Promise<{ id: string; file: string }> };

/**
 * An image's resized copies (`w960.webp`) are public. The original upload (`original.jpg`) keeps
 * the camera's metadata, location included, so only signed-in staff can fetch it.
 */
export async function GET(request: Request, { params }: Context) {
  const { id, file: fileName } = await params;
  const isOriginal = fileName.startsWith('original.');
  if (isOriginal && !(await getCurrentStaff())) return notFound();
  const file = resolveMediaFile({ id, fileName });
  if (!file) return notFound();
  const headers = {
    'Cache-Control': isOriginal ? 'private, max-age=31536000, immutable' : 'public, max-age=31536000, immutable',
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
