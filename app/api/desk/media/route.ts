import { z } from 'zod';
import { listMedia } from '@/lib/media/list-media';
import { MAX_UPLOAD_BYTES } from '@/lib/media/media-limits';
import { storeUpload } from '@/lib/media/store-upload';
import { tooLargeMessage } from '@/lib/media/too-large-message';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

// Room for the multipart boundaries and the text fields around the file.
const FORM_OVERHEAD_BYTES = 64 * 1024;
const MEDIA_REFUSALS = { signedOut: 'Sign in to manage images.', forbidden: 'You do not have permission to manage images.' };

/** Uploads one image: multipart form with `file` and optional `alt`, `caption`, `credit`. */
export const POST = staffEndpoint({
  name: 'media.upload',
  permission: 'media.upload',
  refusals: MEDIA_REFUSALS,
  audit: 'in-domain',
  run: async ({ staff, request }) => {
    const declaredLength = Number(request.headers.get('content-length') ?? 0);
    if (declaredLength > MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES) return jsonError(413, tooLargeMessage({ bytes: declaredLength, maxBytes: MAX_UPLOAD_BYTES }));
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return jsonError(400, 'The upload could not be read: send it as a form with the image in the “file” field.');
    }
    const file = form.get('file');
    if (!(file instanceof File)) return jsonError(400, 'Choose an image to upload.');
    const result = await storeUpload({
      bytes: Buffer.from(await file.arrayBuffer()),
      originalName: file.name,
      declaredType: file.type,
      alt: textField(form, 'alt'),
      caption: textField(form, 'caption'),
      credit: textField(form, 'credit'),
      actorId: staff.id,
    });
    if (!result.ok) return jsonError(result.status, result.error, { fieldErrors: result.fieldErrors });
    return jsonAnswer({ ok: true, media: result.media }, { status: 201 });
  },
});

/** The media library, newest first: `?q=` searches alt text, caption, credit and file name; `?limit=` up to 200. */
export const GET = staffEndpoint({
  name: 'media.list',
  permission: 'media.upload',
  refusals: MEDIA_REFUSALS,
  input: { query: z.object({ q: z.string().default(''), limit: z.coerce.number().int().optional() }) },
  audit: 'read-only',
  run: ({ input }) => jsonAnswer({ ok: true, media: listMedia({ query: input.q, limit: input.limit }) }),
});

function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
