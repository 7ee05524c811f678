import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { authorizeMediaRequest } from '@/lib/media/authorize-media-request';
import { getMedia } from '@/lib/media/get-media';
import { parseMediaId } from '@/lib/media/parse-media-id';
import { MEDIA_NOT_FOUND_MESSAGE, updateMediaText } from '@/lib/media/update-media-text';

const NO_STORE = { 'Cache-Control': 'no-store' };

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  const access = await authorizeMediaRequest(request);
  if (!access.ok) return access.response;
  const id = parseMediaId((await params).id);
  const media = id === null ? null : getMedia(id);
  if (!media) return Response.json({ ok: false, error: MEDIA_NOT_FOUND_MESSAGE }, { status: 404, headers: NO_STORE });
  return Response.json({ ok: true, media }, { headers: NO_STORE });
}

/** Edits the text of an image: JSON `{ alt?, caption?, credit? }`. */
export async function PATCH(request: Request, { params }: Context) {
  const access = await authorizeMediaRequest(request);
  if (!access.ok) return access.response;
  const id = parseMediaId((await params).id);
  if (id === null) return Response.json({ ok: false, error: MEDIA_NOT_FOUND_MESSAGE }, { status: 404, headers: NO_STORE });
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return Response.json({ ok: false, error: 'Send the changes as JSON, e.g. {"alt": "…"}.' }, { status: 400, headers: NO_STORE });
  }
  const result = updateMediaText({ id, input, actor: access.staff });
  if (!result.ok) {
    return Response.json({ ok: false, error: result.error, fieldErrors: result.fieldErrors }, { status: result.status, headers: NO_STORE });
  }
  // Alt text, captions and credits show on the published articles and issues that use the image.
  expireReaderContent({ kind: 'media', mediaIds: [id] });
  return Response.json({ ok: true, media: result.media }, { headers: NO_STORE });
}
