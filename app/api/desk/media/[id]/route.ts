import { z } from 'zod';
import { getMedia } from '@/lib/media/get-media';
import { parseMediaId } from '@/lib/media/parse-media-id';
import { MEDIA_NOT_FOUND_MESSAGE, updateMediaText } from '@/lib/media/update-media-text';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const MEDIA_REFUSALS = { signedOut: 'Sign in to manage images.', forbidden: 'You do not have permission to manage images.' };
const params = z.object({ id: z.string() });

export const GET = staffEndpoint({
  name: 'media.get',
  permission: 'media.upload',
  refusals: MEDIA_REFUSALS,
  params,
  audit: 'read-only',
  run: ({ params }) => {
    const id = parseMediaId(params.id);
    const media = id === null ? null : getMedia(id);
    if (!media) return jsonError(404, MEDIA_NOT_FOUND_MESSAGE);
    return jsonAnswer({ ok: true, media });
  },
});

/** Edits the text of an image: JSON `{ alt?, caption?, credit? }`. */
export const PATCH = staffEndpoint({
  name: 'media.edit-text',
  permission: 'media.edit',
  refusals: MEDIA_REFUSALS,
  params,
  input: { body: z.unknown(), maxBytes: 16 * 1024 },
  audit: 'in-domain',
  run: ({ staff, params, input }) => {
    const id = parseMediaId(params.id);
    if (id === null) return jsonError(404, MEDIA_NOT_FOUND_MESSAGE);
    const result = updateMediaText({ id, input, actor: staff });
    if (!result.ok) return jsonError(result.status, result.error, { fieldErrors: result.fieldErrors });
    // Alt text, captions and credits show on the published articles and issues that use the image.
    expireReaderContent({ kind: 'media', mediaIds: [id] });
    return jsonAnswer({ ok: true, media: result.media });
  },
});
