import { authorizeMediaRequest } from '@/lib/media/authorize-media-request';
import { listMedia } from '@/lib/media/list-media';
import { MAX_UPLOAD_BYTES } from '@/lib/media/media-limits';
import { storeUpload } from '@/lib/media/store-upload';
import { tooLargeMessage } from '@/lib/media/too-large-message';

const NO_STORE = { 'Cache-Control': 'no-store' };
// Room for the multipart boundaries and the text fields around the file.
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** Uploads one image: multipart form with `file` and optional `alt`, `caption`, `credit`. */
export async function POST(request: Request) {
  const access = await authorizeMediaRequest(request);
  if (!access.ok) return access.response;
  const declaredLength = Number(request.headers.get('content-length') ?? 0);
  if (declaredLength > MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES) {
    return Response.json(
      { ok: false, error: tooLargeMessage({ bytes: declaredLength, maxBytes: MAX_UPLOAD_BYTES }) },
      { status: 413, headers: NO_STORE },
    );
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ ok: false, error: 'The upload could not be read: send it as a form with the image in the “file” field.' }, { status: 400, headers: NO_STORE });
  }
  const file = form.get('file');
  if (!(file instanceof File)) {
    return Response.json({ ok: false, error: 'Choose an image to upload.' }, { status: 400, headers: NO_STORE });
  }
  const result = await storeUpload({
    bytes: Buffer.from(await file.arrayBuffer()),
    originalName: file.name,
    declaredType: file.type,
    alt: textField(form, 'alt'),
    caption: textField(form, 'caption'),
    credit: textField(form, 'credit'),
    actorId: access.staff.id,
  });
  if (!result.ok) {
    return Response.json({ ok: false, error: result.error, fieldErrors: result.fieldErrors }, { status: result.status, headers: NO_STORE });
  }
  return Response.json({ ok: true, media: result.media }, { status: 201, headers: NO_STORE });
}

/** The media library, newest first: `?q=` searches alt text, caption, credit and file name; `?limit=` up to 200. */
export async function GET(request: Request) {
  const access = await authorizeMediaRequest(request);
  if (!access.ok) return access.response;
  const { searchParams } = new URL(request.url);
  const limit = searchParams.get('limit');
  const media = listMedia({ query: searchParams.get('q') ?? '', limit: limit ? Number(limit) : undefined });
  return Response.json({ ok: true, media }, { headers: NO_STORE });
}

function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
